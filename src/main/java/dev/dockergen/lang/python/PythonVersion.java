package dev.dockergen.lang.python;

import static dev.dockergen.lang.python.PythonDetector.DEFAULT_PYTHON;
import static dev.dockergen.lang.python.PythonDetector.SUPPORTED_MINORS;
import static dev.dockergen.lang.python.PythonDetector.lineOf;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Shown;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Python version a project asks for: version files, Pipfile, and PEP 440 (or Poetry ^/~) specifiers. */
final class PythonVersion {
    private static final Pattern VERSION = Pattern.compile("^(?:python-?)?3\\.([0-9]{1,2})(?:\\.[0-9]+)?\\s*$");
    private static final Pattern SETUP_REQUIRES = Pattern.compile("python_requires\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern SETUP_CFG_REQUIRES = Pattern.compile("(?m)^\\s*python_requires\\s*=\\s*([^#\\n]+)");
    /** "Python 3.12+", "Python >= 3.5", "Python 3.8 or higher", a shields badge "python->=3.10": a README's minimum. */
    private static final Pattern README_MINIMUM = Pattern.compile("(?i)\\bpython(?:\\s+version)?(?:\\s*-?\\s*(?:>=|≥)\\s*3\\.([0-9]{1,2})"
            + "|\\s+3\\.([0-9]{1,2})(?:\\s*\\+|\\s+or\\s+(?:higher|newer|later|above)))");

    private PythonVersion() {
    }

    /**
     * .python-version, runtime.txt, Pipfile python_version, requires-python (lowest supported minor), then a stated
     * minimum (setup.py/setup.cfg python_requires, a README's "Python 3.N+"); else null.
     */
    static Fact<String> of(ProjectFiles files, Fact<String> requiresPython, List<Warning> warnings) {
        for (String file : List.of(".python-version", "runtime.txt")) {
            Optional<String> t = files.read(file);
            if (t.isPresent()) {
                String[] lines = t.get().split("\n");
                for (int i = 0; i < lines.length; i++) {
                    String l = lines[i].strip();
                    if (l.isEmpty() || l.startsWith("#")) {
                        continue;
                    }
                    Matcher m = VERSION.matcher(l);
                    if (m.matches()) {
                        return Fact.of("3." + m.group(1), file, i + 1);
                    }
                    warnings.add(new Warning(Source.of(file, i + 1), "'" + Shown.whole(l) + "' is not a CPython 3.x version; ignored"));
                    break;
                }
            }
        }
        Optional<String> pipfile = files.read("Pipfile");
        if (pipfile.isPresent()) {
            Matcher m = Pattern.compile("(?m)^\\s*python_(?:full_)?version\\s*=\\s*[\"']3\\.([0-9]{1,2})").matcher(pipfile.get());
            if (m.find()) {
                return Fact.of("3." + m.group(1), "Pipfile", lineOf(pipfile.get(), m.group()));
            }
        }
        if (requiresPython != null) {
            Integer minor = lowestMinor(requiresPython.value());
            if (minor == null) {
                warnings.add(new Warning(requiresPython.source(), "no supported Python (3." + SUPPORTED_MINORS.get(0) + " to 3."
                        + SUPPORTED_MINORS.get(SUPPORTED_MINORS.size() - 1) + ") satisfies '" + requiresPython.value()
                        + "'; using " + DEFAULT_PYTHON));
                return null;
            }
            return Fact.of("3." + minor, requiresPython.source());
        }
        Fact<String> stated = statedMinimum(files);
        if (stated != null) {
            Integer minor = lowestMinor(stated.value());
            return minor == null ? null : Fact.of("3." + minor, stated.source());
        }
        return null;
    }

    /**
     * The lowest Python a project states where it has no requires-python: setup.py/setup.cfg {@code python_requires},
     * else the README's "Python 3.N+" line (as ">=3.N"); null if none.
     */
    static Fact<String> statedMinimum(ProjectFiles files) {
        Optional<String> setup = files.read("setup.py");
        if (setup.isPresent()) {
            Matcher m = SETUP_REQUIRES.matcher(setup.get());
            if (m.find()) {
                return Fact.of(m.group(1).strip(), "setup.py", lineOf(setup.get(), m.group()));
            }
        }
        Optional<String> cfg = files.read("setup.cfg");
        if (cfg.isPresent()) {
            Matcher m = SETUP_CFG_REQUIRES.matcher(cfg.get());
            if (m.find()) {
                return Fact.of(m.group(1).strip(), "setup.cfg", lineOf(cfg.get(), m.group()));
            }
        }
        for (String readme : List.of("README.md", "README.rst", "README.txt", "README")) {
            Optional<String> text = files.read(readme);
            if (text.isEmpty()) {
                continue;
            }
            Matcher m = README_MINIMUM.matcher(text.get());
            if (m.find()) {
                String minor = m.group(1) != null ? m.group(1) : m.group(2);
                return Fact.of(">=3." + minor, readme, lineOf(text.get(), m.group()));
            }
        }
        return null;
    }

    /**
     * The lowest supported 3.x minor (one not past its end of life if the range allows one) with a release
     * satisfying a PEP 440 (or Poetry ^/~) specifier, or null.
     */
    static Integer lowestMinor(String spec) {
        // a minor past its end of life only when the range allows no supported one (then the project chose it)
        List<Integer> supported = SUPPORTED_MINORS.stream()
                .filter(m -> PythonEndOfLife.TABLE.ended("3." + m).isEmpty()).toList();
        List<Integer> ended = SUPPORTED_MINORS.stream().filter(m -> !supported.contains(m)).toList();
        for (int minor : java.util.stream.Stream.concat(supported.stream(), ended.stream()).toList()) {
            for (int patch = 0; patch <= 30; patch++) {
                if (satisfies(spec, new int[] {3, minor, patch})) {
                    return minor;
                }
            }
        }
        return null;
    }

    static boolean satisfies(String spec, int[] v) {
        for (String alternative : spec.split("\\|\\|")) {
            boolean all = true;
            for (String clause : alternative.split(",")) {
                String c = clause.strip();
                if (!c.isEmpty() && !clause(c, v)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean clause(String c, int[] v) {
        Matcher m = Pattern.compile("^(~=|==|!=|<=|>=|<|>|\\^|~|=)?\\s*([0-9]+(?:\\.[0-9*]+)*)$").matcher(c);
        if (!m.matches()) {
            return true; // unknown syntax constrains nothing we can check
        }
        String op = m.group(1) == null ? "==" : m.group(1);
        String ver = m.group(2);
        boolean wildcard = ver.endsWith(".*");
        String[] parts = ver.replace(".*", "").split("\\.");
        int[] w = new int[3];
        for (int i = 0; i < 3 && i < parts.length; i++) {
            w[i] = Integer.parseInt(parts[i]);
        }
        int cmp = compare(v, w);
        return switch (op) {
            case ">=" -> cmp >= 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            case "<" -> cmp < 0;
            case "!=" -> !prefixEquals(v, w, wildcard || parts.length < 3 ? parts.length : 3);
            case "~=" -> cmp >= 0 && prefixEquals(v, w, Math.max(1, parts.length - 1));
            case "^" -> cmp >= 0 && v[0] == w[0] && (w[0] != 0 || v[1] == w[1]);
            case "~" -> cmp >= 0 && prefixEquals(v, w, parts.length >= 2 ? 2 : 1);
            default -> wildcard || parts.length < 3 ? prefixEquals(v, w, parts.length) : cmp == 0;
        };
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static boolean prefixEquals(int[] a, int[] b, int n) {
        for (int i = 0; i < n && i < 3; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
