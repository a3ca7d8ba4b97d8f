package dev.dockergen;

import org.approvaltests.core.ApprovalFailureReporter;
import org.approvaltests.reporters.Junit5Reporter;

/** ApprovalTests settings for every test below this package: files in approved/, JUnit diffs. */
public class PackageSettings {
    public static String UseApprovalSubdirectory = "approved";
    public static ApprovalFailureReporter UseReporter = new Junit5Reporter();
}
