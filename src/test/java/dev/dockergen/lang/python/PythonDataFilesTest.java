package dev.dockergen.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.dockergen.detect.MemoryProjectFiles;
import dev.dockergen.detect.ProjectFiles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PythonDataFilesTest {
    private static final String CODE = "BASE = '/etc/notekeeper'\n";

    private static ProjectFiles files(String... pathThenText) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < pathThenText.length; i += 2) {
            m.put(pathThenText[i], pathThenText[i + 1]);
        }
        return new MemoryProjectFiles("repo", m);
    }

    private static List<String> found(ProjectFiles files) throws Exception {
        String toml = files.read("pyproject.toml").orElse(null);
        return PythonDataFiles.find(files, toml == null ? null : new TomlMapper().readTree(toml),
                PythonEntrypoint.sources(files)).stream()
                .map(p -> p.sources() + (p.folder() ? " -> " : " into ") + p.target() + " @ " + p.declared() + " / " + p.read())
                .toList();
    }

    @Test
    void aFolderWhoseFilesAllGoBelowOneTargetIsCopiedWholeAndSubEntriesFollowIt() throws Exception {
        assertEquals(List.of("[etc] -> /etc/notekeeper @ setup.py:3 / notekeeper/paths.py:1"), found(files(
                "setup.py", "from glob import glob\nsetup(name='notekeeper', data_files=[\n    ('/etc/notekeeper', "
                        + "glob('etc/*.ini')),\n    ('/etc/notekeeper/hooks.d', [p for p in glob('etc/hooks.d/*') if p]),\n"
                        + "    ('/var/lib/notekeeper', ''),\n])\n",
                "etc/main.ini", "[a]\n", "etc/hooks.d/pre.ini", "[b]\n",
                "notekeeper/__init__.py", "", "notekeeper/paths.py", CODE)));
    }

    @Test
    void aFolderWithFilesInstalledElsewhereOrNotAtAllIsCopiedByPattern() throws Exception {
        assertEquals(List.of("[etc/*.ini] into /etc/notekeeper @ setup.py:1 / notekeeper/paths.py:1"), found(files(
                "setup.py", "FILES = [('/etc/notekeeper', glob('etc/*.ini'))]\nsetup(data_files=FILES)\n",
                "etc/main.ini", "[a]\n", "etc/local.sample", "x\n",
                "notekeeper/__init__.py", "", "notekeeper/paths.py", CODE)));
    }

    @Test
    void aTargetTheProgramNeverNamesIsLeftAloneAndSoIsSetupPyItself() throws Exception {
        assertEquals(List.of(), found(files(
                "setup.py", "setup(data_files=[('/usr/share/doc/notekeeper', ['README.txt'])])\n"
                        + "# '/usr/share/doc/notekeeper' is where the docs go\nDOCS = '/usr/share/doc/notekeeper'\n",
                "README.txt", "read me\n", "notekeeper/__init__.py", "LOG = '/var/log'\n")));
    }

    @Test
    void setupCfgAndPyprojectTablesAreReadToo() throws Exception {
        assertEquals(List.of("[conf/notekeeper.ini, conf/extra.ini] into /etc/notekeeper @ setup.cfg:4 / notekeeper/paths.py:1"),
                found(files("setup.cfg", "[metadata]\nname = notekeeper\n[options.data_files]\n/etc/notekeeper =\n"
                                + "    conf/notekeeper.ini,\n    conf/extra.ini\n",
                        "conf/notekeeper.ini", "[a]\n", "conf/extra.ini", "[b]\n", "conf/other.txt", "x\n",
                        "notekeeper/__init__.py", "", "notekeeper/paths.py", CODE)));
        assertEquals(List.of("[conf] -> /etc/notekeeper @ pyproject.toml:5 / notekeeper/paths.py:2"),
                found(files("pyproject.toml", "[project]\nname = \"notekeeper\"\n\n[tool.setuptools.data-files]\n"
                                + "\"/etc/notekeeper\" = [\"conf/*.ini\"]\n",
                        "conf/notekeeper.ini", "[a]\n", "notekeeper/__init__.py", "", "notekeeper/paths.py",
                        "import os\nCONF = os.path.join('/etc/notekeeper/', 'notekeeper.ini')\n")));
    }
}
