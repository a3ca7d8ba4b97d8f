package dev.dockergen.lang.python;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The frameworks of programs that are not Django, FastAPI or Flask apps nor dependency-started workers: a gRPC
 * server ({@code grpc.server(} in the code), a discord.py bot ({@code import discord}), a CherryPy app (a dependency),
 * an MkDocs site ({@code mkdocs.yml} with mkdocs among the dependencies). They say what the program is; the start
 * command stays the project's own script.
 */
final class PythonFrameworks {
    private static final Pattern GRPC_SERVER = Pattern.compile("\\bgrpc(?:\\.aio)?\\.server\\(");
    private static final Pattern SITE_DIR = Pattern.compile("^site_dir:\\s*['\"]?([A-Za-z0-9._/-]+?)/?['\"]?\\s*(?:#.*)?$");
    private static final Pattern DISCORD = Pattern.compile("^\\s*(?:from|import)\\s+discord(?:\\.ext)?\\b");

    /** The framework found, and the kind of program it makes (web, script or static). */
    record Found(Fact<String> framework, String kind) {
    }

    private PythonFrameworks() {
    }

    /** The folder {@code mkdocs build} writes: mkdocs.yml's site_dir, else MkDocs' default site/. */
    static String siteDir(ProjectFiles files) {
        for (String line : files.read("mkdocs.yml").orElse("").split("\n")) {
            java.util.regex.Matcher m = SITE_DIR.matcher(line.strip());
            if (m.matches() && PythonDetector.isSafePath(m.group(1))) {
                return m.group(1) + "/";
            }
        }
        return "site/";
    }

    static Found find(ProjectFiles files, Map<String, Source> deps, PythonScan scan) {
        if (files.isFile("mkdocs.yml")) {
            for (Map.Entry<String, Source> d : deps.entrySet()) {
                if (d.getKey().equals("mkdocs") || d.getKey().startsWith("mkdocs-")) {
                    return new Found(Fact.of("mkdocs", d.getValue()), PythonDetails.STATIC);
                }
            }
        }
        if (deps.containsKey("cherrypy")) {
            return new Found(Fact.of("cherrypy", deps.get("cherrypy")), PythonDetails.WEB);
        }
        Fact<String> grpc = scan.app(GRPC_SERVER);
        if (grpc != null) {
            // a server when its port is found; the kind follows the port as for any script
            return new Found(Fact.of("grpc", deps.getOrDefault("grpcio", grpc.source())), null);
        }
        Fact<String> discord = scan.app(DISCORD);
        if (discord != null) {
            return new Found(Fact.of("discord.py", deps.getOrDefault("discord-py", discord.source())), PythonDetails.SCRIPT);
        }
        return null;
    }
}
