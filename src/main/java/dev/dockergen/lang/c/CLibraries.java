package dev.dockergen.lang.c;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The libraries dockergen knows how to install, keyed by their link name ({@code -lz} is "z"), with
 * the names CMake's find_package and pkg-config use for them.
 */
public final class CLibraries {
    /**
     * One library and its packages.
     *
     * @param key link name, as in -lKEY
     * @param debDev Debian package with headers (and the static archive when {@code debStatic})
     * @param debRuntime Debian package with the shared object, for the record (distroless gets the files ldd names)
     * @param apkDev Alpine package with headers
     * @param apkRuntime Alpine package with the shared object (null: part of musl)
     * @param apkStatic Alpine package with the static archive (null when musl has it or there is none)
     * @param debStatic Debian's dev package ships lib{key}.a, so a -static link works
     * @param inLibc part of the C library itself (pthread, m, dl, rt): no package at all
     */
    public record Library(String key, String debDev, String debRuntime, String apkDev, String apkRuntime, String apkStatic,
                          boolean debStatic, boolean inLibc) {
    }

    private static final Map<String, Library> BY_KEY = new LinkedHashMap<>();
    private static final Map<String, String> CMAKE = new LinkedHashMap<>();
    private static final Map<String, String> PKG_CONFIG = new LinkedHashMap<>();
    /**
     * Link names of libraries another entry's packages ship: libncurses-dev (and Alpine's ncurses-dev) hold the wide,
     * terminfo-level and panel/menu/form libraries too (Debian's libtinfo.a, libncursesw.a, libpanelw.a…).
     */
    private static final Map<String, String> LINK_ALIASES = Map.of(
            "ncursesw", "ncurses", "curses", "ncurses", "tinfo", "ncurses", "termcap", "ncurses",
            "panel", "ncurses", "panelw", "ncurses", "menu", "ncurses", "menuw", "ncurses", "form", "ncurses", "formw", "ncurses");

    /** Libraries a static archive needs at link time (pkg-config's Libs.private) beyond the C library. */
    private static final Map<String, List<String>> STATIC_NEEDS = Map.of(
            "sqlite3", List.of("z"),
            "png", List.of("z"),
            "ssl", List.of("crypto"),
            "xml2", List.of("z", "lzma"));
    /**
     * Link names that never mean a Linux library: other systems' libraries (Windows, Solaris, IRIX, Haiku), which
     * a portable build names in branches Linux never takes, and instrumentation (gcov) only a coverage build links.
     */
    private static final java.util.Set<String> NOT_FOR_LINUX = java.util.Set.of(
            "ws2_32", "wsock32", "mswsock", "iphlpapi", "winmm", "kernel32", "user32", "gdi32", "advapi32", "shell32",
            "ole32", "oleaut32", "comctl32", "comdlg32", "crypt32", "bcrypt", "secur32", "dbghelp", "psapi", "userenv",
            "ntdll", "shlwapi", "rpcrt4", "netapi32", "dnsapi", "version", "imm32", "setupapi",
            "socket", "nsl", "sun", "network", "bsd-compat", "gcov", "sendfile", "pthreads4w", "winsock", "appleframeworks");

    private CLibraries() {
    }

    private static void libc(String key) {
        BY_KEY.put(key, new Library(key, null, null, null, null, null, true, true));
    }

    private static void lib(String key, String debDev, String debRuntime, String apkDev, String apkRuntime, String apkStatic,
                            boolean debStatic) {
        BY_KEY.put(key, new Library(key, debDev, debRuntime, apkDev, apkRuntime, apkStatic, debStatic, false));
    }

    static {
        libc("pthread");
        libc("m");
        libc("dl");
        libc("rt");
        libc("c");
        libc("resolv");
        // GCC's own runtime: the compiler brings it (build-base, the gcc image), as it brings the C library
        libc("stdc++");
        libc("gcc_s");
        libc("atomic");
        lib("z", "zlib1g-dev", "zlib1g", "zlib-dev", "zlib", "zlib-static", true);
        lib("ssl", "libssl-dev", "libssl3", "openssl-dev", "libssl3", "openssl-libs-static", true);
        lib("crypto", "libssl-dev", "libssl3", "openssl-dev", "libcrypto3", "openssl-libs-static", true);
        lib("curl", "libcurl4-openssl-dev", "libcurl4", "curl-dev", "libcurl", "curl-static", false);
        lib("sqlite3", "libsqlite3-dev", "libsqlite3-0", "sqlite-dev", "sqlite-libs", "sqlite-static", true);
        lib("pq", "libpq-dev", "libpq5", "libpq-dev", "libpq", null, false);
        lib("uuid", "uuid-dev", "libuuid1", "util-linux-dev", "libuuid", "util-linux-static", true);
        lib("systemd", "libsystemd-dev", "libsystemd0", null, null, null, false);
        lib("event", "libevent-dev", "libevent-2.1-7", "libevent-dev", "libevent", "libevent-static", true);
        lib("yaml", "libyaml-dev", "libyaml-0-2", "yaml-dev", "yaml", "yaml-static", true);
        lib("xml2", "libxml2-dev", "libxml2", "libxml2-dev", "libxml2", "libxml2-static", false);
        lib("pcre2-8", "libpcre2-dev", "libpcre2-8-0", "pcre2-dev", "pcre2", "pcre2-static", true);
        lib("ncurses", "libncurses-dev", "libncursesw6", "ncurses-dev", "ncurses-libs", "ncurses-static", true);
        lib("readline", "libreadline-dev", "libreadline8", "readline-dev", "readline", "readline-static", true);
        lib("jansson", "libjansson-dev", "libjansson4", "jansson-dev", "jansson", "jansson-static", true);
        lib("microhttpd", "libmicrohttpd-dev", "libmicrohttpd12", "libmicrohttpd-dev", "libmicrohttpd", null, true);
        lib("uv", "libuv1-dev", "libuv1", "libuv-dev", "libuv", "libuv-static", true);
        lib("zstd", "libzstd-dev", "libzstd1", "zstd-dev", "zstd-libs", "zstd-static", true);
        lib("lz4", "liblz4-dev", "liblz4-1", "lz4-dev", "lz4-libs", "lz4-static", true);
        lib("bz2", "libbz2-dev", "libbz2-1.0", "bzip2-dev", "libbz2", "bzip2-static", true);
        lib("lzma", "liblzma-dev", "liblzma5", "xz-dev", "xz-libs", "xz-static", true);
        lib("ffi", "libffi-dev", "libffi8", "libffi-dev", "libffi", null, true);
        lib("gmp", "libgmp-dev", "libgmp10", "gmp-dev", "gmp", null, true);
        lib("png", "libpng-dev", "libpng16-16", "libpng-dev", "libpng", "libpng-static", true);
        lib("jpeg", "libjpeg-dev", "libjpeg62-turbo", "libjpeg-turbo-dev", "libjpeg-turbo", "libjpeg-turbo-static", true);
        lib("sodium", "libsodium-dev", "libsodium23", "libsodium-dev", "libsodium", "libsodium-static", true);
        lib("onig", "libonig-dev", "libonig5", "oniguruma-dev", "oniguruma", null, true);
        for (String part : List.of("common", "enc", "dec")) {
            lib("brotli" + part, "libbrotli-dev", "libbrotli1", "brotli-dev", "brotli-libs", "brotli-static", true);
        }
        lib("cjson", "libcjson-dev", "libcjson1", "cjson-dev", "cjson", null, true);
        lib("json-c", "libjson-c-dev", "libjson-c5", "json-c-dev", "json-c", null, true);
        lib("lua5.4", "liblua5.4-dev", "liblua5.4-0", "lua5.4-dev", "lua5.4-libs", null, true);
        // libwebsockets.a is shipped, but its static link also needs libcap and the TLS and event libraries it was built with
        lib("websockets", "libwebsockets-dev", "libwebsockets19t64", "libwebsockets-dev", "libwebsockets", null, false);
        // the Debian packages ship only the shared object (fmt.pc with its CMake config; libmpdclient.pc): no scratch form
        lib("fmt", "libfmt-dev", "libfmt10", "fmt-dev", "fmt", null, false);
        lib("mpdclient", "libmpdclient-dev", "libmpdclient2t64", "libmpdclient-dev", "libmpdclient", null, false);
        // libglib-2.0.a is shipped (libgio-2.0-dev), but its static link also needs pcre2 and sysprof-capture-4
        lib("glib-2.0", "libglib2.0-dev", "libglib2.0-0t64", "glib-dev", "glib", null, false);

        CMAKE.put("zlib", "z");
        CMAKE.put("openssl", "ssl");
        CMAKE.put("threads", "pthread");
        CMAKE.put("curl", "curl");
        CMAKE.put("sqlite3", "sqlite3");
        CMAKE.put("postgresql", "pq");
        CMAKE.put("bzip2", "bz2");
        CMAKE.put("liblzma", "lzma");
        CMAKE.put("png", "png");
        CMAKE.put("jpeg", "jpeg");
        CMAKE.put("libxml2", "xml2");
        CMAKE.put("zstd", "zstd");
        CMAKE.put("libwebsockets", "websockets");
        CMAKE.put("json-c", "json-c");
        CMAKE.put("fmt", "fmt");

        PKG_CONFIG.put("zlib", "z");
        PKG_CONFIG.put("oniguruma", "onig");
        PKG_CONFIG.put("libbrotlienc", "brotlienc");
        PKG_CONFIG.put("libbrotlidec", "brotlidec");
        PKG_CONFIG.put("libbrotlicommon", "brotlicommon");
        PKG_CONFIG.put("openssl", "ssl");
        PKG_CONFIG.put("libssl", "ssl");
        PKG_CONFIG.put("libcrypto", "crypto");
        PKG_CONFIG.put("libcurl", "curl");
        PKG_CONFIG.put("sqlite3", "sqlite3");
        PKG_CONFIG.put("libpq", "pq");
        PKG_CONFIG.put("uuid", "uuid");
        PKG_CONFIG.put("libsystemd", "systemd");
        PKG_CONFIG.put("libevent", "event");
        PKG_CONFIG.put("yaml-0.1", "yaml");
        PKG_CONFIG.put("libxml-2.0", "xml2");
        PKG_CONFIG.put("libpcre2-8", "pcre2-8");
        PKG_CONFIG.put("ncurses", "ncurses");
        PKG_CONFIG.put("ncursesw", "ncurses");
        // the other .pc files Debian's libncurses-dev and Alpine's ncurses-dev ship
        PKG_CONFIG.put("tinfo", "ncurses");
        PKG_CONFIG.put("panelw", "ncurses");
        PKG_CONFIG.put("menuw", "ncurses");
        PKG_CONFIG.put("formw", "ncurses");
        PKG_CONFIG.put("readline", "readline");
        PKG_CONFIG.put("jansson", "jansson");
        PKG_CONFIG.put("libmicrohttpd", "microhttpd");
        PKG_CONFIG.put("libuv", "uv");
        PKG_CONFIG.put("libzstd", "zstd");
        PKG_CONFIG.put("liblz4", "lz4");
        PKG_CONFIG.put("libffi", "ffi");
        PKG_CONFIG.put("gmp", "gmp");
        PKG_CONFIG.put("libpng", "png");
        PKG_CONFIG.put("libjpeg", "jpeg");
        PKG_CONFIG.put("libsodium", "sodium");
        PKG_CONFIG.put("libcjson", "cjson");
        PKG_CONFIG.put("threads", "pthread");
        PKG_CONFIG.put("bzip2", "bz2");
        PKG_CONFIG.put("liblzma", "lzma");
        PKG_CONFIG.put("json-c", "json-c");
        PKG_CONFIG.put("libwebsockets", "websockets");
        PKG_CONFIG.put("lua5.4", "lua5.4");
        PKG_CONFIG.put("lua-5.4", "lua5.4");
        PKG_CONFIG.put("lua54", "lua5.4");
        PKG_CONFIG.put("fmt", "fmt");
        PKG_CONFIG.put("libmpdclient", "mpdclient");
        PKG_CONFIG.put("glib-2.0", "glib-2.0");
    }

    /** True for a link name that is not a Linux library (see {@link #NOT_FOR_LINUX}): skipped quietly, never a package. */
    public static boolean notForLinux(String linkName) {
        return NOT_FOR_LINUX.contains(linkName.toLowerCase(Locale.ROOT));
    }

    /** By link name (-lKEY). */
    public static Optional<Library> byLinkName(String name) {
        return Optional.ofNullable(BY_KEY.get(LINK_ALIASES.getOrDefault(name, name)));
    }

    /** By find_package name (ZLIB, OpenSSL, Threads...), case-insensitive. */
    public static Optional<Library> byCmakePackage(String name) {
        return Optional.ofNullable(CMAKE.get(name.toLowerCase(Locale.ROOT))).map(BY_KEY::get);
    }

    /** By pkg-config module name (zlib, openssl, libcurl...); a version constraint is cut off. */
    public static Optional<Library> byPkgConfig(String module) {
        return Optional.ofNullable(PKG_CONFIG.get(module.toLowerCase(Locale.ROOT))).map(BY_KEY::get);
    }

    /** What a static link of {@code lib} needs besides it (libsqlite3.a needs libz.a). */
    public static List<Library> staticNeeds(Library lib) {
        return STATIC_NEEDS.getOrDefault(lib.key(), List.of()).stream().map(BY_KEY::get).toList();
    }

    /** Every known link name, for documentation and tests. */
    public static List<String> keys() {
        return List.copyOf(BY_KEY.keySet());
    }

    /** The final's builder can install the library (and, for a static link, its archive). */
    public static boolean available(CLibraries.Library l, boolean apk, boolean staticBuild) {
        if (l.inLibc()) {
            return true;
        }
        if ((apk ? l.apkDev() : l.debDev()) == null) {
            return false;
        }
        return !staticBuild || (apk ? l.apkStatic() != null : l.debStatic());
    }
}
