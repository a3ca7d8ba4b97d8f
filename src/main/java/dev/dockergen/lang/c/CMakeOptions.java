package dev.dockergen.lang.c;

import java.util.regex.Pattern;

/** CMake options, on by default, that build what the image never holds: the project's tests and its documentation. */
final class CMakeOptions {
    /** CIVETWEB_BUILD_TESTING, JSON_BuildTests, BUILD_TESTING, ENABLE_UNIT_TESTS. */
    private static final Pattern TEST_OPTION = Pattern.compile("(?i)[A-Za-z0-9_]*(^|_|build|enable)(unit_?)?test(s|ing)?");
    /** DOCUMENTATION, BUILD_DOCS, WITH_MANPAGES: they look for xsltproc, doxygen and the like. */
    private static final Pattern DOC_OPTION = Pattern.compile(
            "(?i)([A-Za-z0-9]+_)*(build_?|enable_?|with_?|install_?)?(doc|docs|documentation|man|manpages?|manual)");

    private CMakeOptions() {
    }

    /** Whether the image build turns this option off: it builds tests or documentation. */
    static boolean offInImage(String name) {
        return TEST_OPTION.matcher(name).matches() || docOption(name);
    }

    /** Whether the option's name says it builds documentation. */
    static boolean docOption(String name) {
        return DOC_OPTION.matcher(name).matches();
    }
}
