package dev.dockergen.lang.node;

import dev.dockergen.detect.Fact;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds whose output carries the dependencies it needs, so the runtime stage copies that output and no node_modules
 * (and the build stage keeps no production install for it): Next.js's standalone output (the server and the
 * dependencies it traced) and Nitro's .output/ (Nuxt 3+ and bare Nitro: a bundled server with its own
 * .output/server/node_modules). In a workspace the build runs in the member's folder; Next.js traces from the
 * workspace root (outputFileTracingRoot, which Next.js sets to the folder of the workspace's lockfile when the
 * config names none), so its standalone folder mirrors the workspace: the member's server.js is at
 * {@code <member>/server.js} inside it.
 */
final class BundledOutputPlanner {
    private BundledOutputPlanner() {
    }

    /** The runtime stage's copies and the command words after node. */
    record Copies(List<Instruction> instructions, List<String> start) {
    }

    static boolean selfContained(NodeDetails node) {
        String kind = node.kind().value();
        return kind.equals(NodeDetails.NEXT) && node.nextStandalone()
                || kind.equals(NodeDetails.SERVER) && ".output".equals(node.artefact());
    }

    static Copies copies(NodeDetails node, List<String> start) {
        NodeWorkspace ws = node.workspace();
        String from = ws == null ? "/app/" : "/app/" + ws.member() + "/";
        List<Instruction> ins = new ArrayList<>();
        if (node.kind().value().equals(NodeDetails.NEXT)) {
            // the standalone folder is the tracing root: the member's own files sit at its path inside it
            String to = ws == null ? "./" : "./" + ws.member() + "/";
            ins.add(Comment.of("Next.js standalone output: the server, its traced dependencies, static assets."));
            if (ws != null) {
                ins.add(Comment.of("It traces from the workspace root, so server.js is at " + ws.member() + "/server.js in it."));
            }
            ins.add(new Copy("build", List.of(from + ".next/standalone"), "./"));
            ins.add(new Copy("build", List.of(from + ".next/static"), to + ".next/static"));
            if (node.publicDir()) {
                ins.add(new Copy("build", List.of(from + "public"), to + "public"));
            }
            ins.addAll(readAtRunTime(node, "public", from, to));
            ins.add(new Instruction.Env("HOSTNAME", "0.0.0.0"));
            List<String> cmd = new ArrayList<>(start);
            if (ws != null && !cmd.isEmpty()) {
                cmd.set(0, ws.member() + "/" + cmd.get(0));
            }
            return new Copies(ins, cmd);
        }
        ins.add(Comment.of("Nitro's .output is self-contained (its server bundles what it imports, with its own",
                "node_modules): no other dependency or source goes into the image."));
        ins.add(new Copy("build", List.of(from + ".output"), "./.output"));
        ins.addAll(readAtRunTime(node, ".output", from, "./"));
        return new Copies(ins, start);
    }

    /**
     * The files the program reads at run time that the copies above leave out (not {@code copied} or inside it),
     * from {@code from} in the build stage to {@code to} in the runtime stage.
     */
    static List<Instruction> readAtRunTime(NodeDetails node, String copied, String from, String to) {
        List<Fact<String>> files = node.runtimeFiles().stream()
                .filter(f -> !f.value().equals(copied) && !f.value().startsWith(copied + "/")).toList();
        List<Instruction> ins = new ArrayList<>();
        if (!files.isEmpty()) {
            List<String> lines = new ArrayList<>(List.of("Read by the program at run time, so copied beside the build output:"));
            files.forEach(f -> lines.add("  " + f.value() + " (" + f.source() + ")"));
            ins.add(new Comment(lines));
            files.forEach(f -> ins.add(new Copy("build", List.of(from + f.value()), to + f.value())));
        }
        return ins;
    }
}
