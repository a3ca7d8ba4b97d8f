package dev.dockergen.lang.java;

import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A pom.xml read with the JDK's SAX parser, hardened: no DOCTYPE (so no entities, internal or
 * external), no external DTDs or schemas, no XInclude, secure processing limits. Every element
 * keeps the line it starts on, so facts can name pom.xml:line.
 */
final class Pom {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([A-Za-z0-9._-]+)}");
    private static final int MAX_ELEMENTS = 20_000;

    /** One XML element: local name, trimmed text, start line, children in order. */
    record Element(String name, String text, int line, List<Element> children) {
        Optional<Element> child(String n) {
            return children.stream().filter(c -> c.name.equals(n)).findFirst();
        }

        String childText(String n) {
            return child(n).map(Element::text).orElse(null);
        }

        Optional<Element> path(String... names) {
            Optional<Element> e = Optional.of(this);
            for (String n : names) {
                e = e.flatMap(x -> x.child(n));
            }
            return e;
        }

        List<Element> all(String... names) {
            List<Element> level = List.of(this);
            for (String n : names) {
                List<Element> next = new ArrayList<>();
                for (Element e : level) {
                    e.children.stream().filter(c -> c.name.equals(n)).forEach(next::add);
                }
                level = next;
            }
            return level;
        }

        /** Every element below this one with that name, depth first. */
        List<Element> descendants(String n) {
            List<Element> out = new ArrayList<>();
            for (Element c : children) {
                if (c.name.equals(n)) {
                    out.add(c);
                }
                out.addAll(c.descendants(n));
            }
            return out;
        }
    }

    /** A property's value and the line it was written on. */
    record Property(String value, int line, String file) {
    }

    final String file;
    final Element root;
    final Map<String, Property> properties = new LinkedHashMap<>();
    /** Plugins the in-repository parent's build and its active profiles give this module. */
    final List<Element> inheritedPlugins = new ArrayList<>();

    private Pom(String file, Element root) {
        this.file = file;
        this.root = root;
    }

    static Pom parse(String file, String text) {
        Element root = read(file, text);
        if (!root.name.equals("project")) {
            throw new ProjectInputException(Source.of(file, root.line), "the root element is <" + root.name
                    + ">, not <project>; this is not a Maven POM");
        }
        Pom pom = new Pom(file, root);
        root.child("properties").ifPresent(p -> p.children.forEach(c -> pom.properties.put(c.name, new Property(c.text, c.line, file))));
        return pom;
    }

    /** The properties a child module sees: its parent's, then its own. */
    void inherit(Pom parent) {
        Map<String, Property> own = new LinkedHashMap<>(properties);
        properties.clear();
        properties.putAll(parent.properties);
        properties.putAll(own);
    }

    String artifactId() {
        return root.childText("artifactId");
    }

    String version() {
        String v = root.childText("version");
        return v != null ? v : root.path("parent", "version").map(Element::text).orElse(null);
    }

    String groupId() {
        String g = root.childText("groupId");
        return g != null ? g : root.path("parent", "groupId").map(Element::text).orElse(null);
    }

    /** ${...} replaced from the properties and project coordinates; null when something stays unresolved. */
    String resolve(String value) {
        return resolveWithLine(value, 0) == null ? null : resolveWithLine(value, 0).value();
    }

    /** The resolved value and the line of the property that supplied its last literal part. */
    Property resolveWithLine(String value, int line) {
        if (value == null) {
            return null;
        }
        String current = value;
        int at = line;
        String in = file;
        for (int depth = 0; depth < 10 && current.contains("${"); depth++) {
            Matcher m = PROPERTY.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String replacement;
                if (properties.containsKey(name)) {
                    replacement = properties.get(name).value();
                    at = properties.get(name).line();
                    in = properties.get(name).file();
                } else if (name.equals("project.version") || name.equals("pom.version")) {
                    replacement = version();
                } else if (name.equals("project.artifactId")) {
                    replacement = artifactId();
                } else if (name.equals("project.name")) {
                    replacement = root.childText("name");
                } else if (name.equals("project.groupId")) {
                    replacement = groupId();
                } else if (name.equals("project.build.directory")) {
                    replacement = "target";
                } else if (name.equals("project.basedir") || name.equals("basedir")) {
                    replacement = ".";
                } else {
                    return null;
                }
                if (replacement == null) {
                    return null;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            current = out.toString();
        }
        return current.contains("${") ? null : new Property(current, at, in);
    }

    List<Element> plugins() {
        List<Element> out = new ArrayList<>(root.all("build", "plugins", "plugin"));
        out.addAll(inheritedPlugins);
        return out;
    }

    /** The profiles that are active by default or by a file the module has ({@code exists} asks {@code present}). */
    List<Element> activeProfiles(java.util.function.Predicate<String> present) {
        List<Element> out = new ArrayList<>();
        for (Element profile : root.all("profiles", "profile")) {
            Optional<Element> activation = profile.child("activation");
            boolean byDefault = activation.map(a -> "true".equals(a.childText("activeByDefault"))).orElse(false);
            Optional<String> exists = activation.flatMap(a -> a.path("file", "exists")).map(Element::text);
            if (byDefault || exists.filter(f -> !f.isBlank() && !f.contains("${") && present.test(f)).isPresent()) {
                out.add(profile);
            }
        }
        return out;
    }

    Optional<Element> plugin(String artifactId) {
        return plugins().stream().filter(p -> artifactId.equals(p.childText("artifactId"))).findFirst();
    }

    List<Element> dependencies() {
        return root.all("dependencies", "dependency");
    }

    Optional<Element> dependency(String groupPrefix, String artifactPrefix) {
        return dependencies().stream().filter(d -> {
            String g = resolveOr(d.childText("groupId"));
            String a = resolveOr(d.childText("artifactId"));
            return g != null && a != null && g.startsWith(groupPrefix) && a.startsWith(artifactPrefix);
        }).findFirst();
    }

    String resolveOr(String v) {
        String r = resolve(v);
        return r != null ? r : v;
    }

    List<Element> modules() {
        List<Element> out = new ArrayList<>(root.all("modules", "module"));
        root.all("profiles", "profile").forEach(p -> out.addAll(p.all("modules", "module")));
        return out;
    }

    private static Element read(String file, String text) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Handler handler = new Handler();
            parser.parse(new InputSource(new StringReader(text)), handler);
            return handler.root;
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("\\s+", " ").strip();
            if (message.contains("DOCTYPE")) {
                message = "a DOCTYPE declaration is not allowed in a POM (entities could expand or reach outside)";
            }
            throw new ProjectInputException(Source.of(file, Math.max(e.getLineNumber(), 0)), "not well-formed XML: "
                    + message + "; fix the file (mvn validate shows the same error)");
        } catch (SAXException e) {
            throw new ProjectInputException(Source.of(file), "cannot read the POM: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    private static final class Handler extends DefaultHandler {
        private Locator locator;
        private final List<Builder> stack = new ArrayList<>();
        private Element root;
        private int count;

        private record Builder(String name, int line, StringBuilder text, List<Element> children) {
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (++count > MAX_ELEMENTS) {
                throw new SAXParseException("more than " + MAX_ELEMENTS + " elements", locator);
            }
            String name = localName == null || localName.isEmpty() ? qName : localName;
            stack.add(new Builder(name, locator == null ? 0 : locator.getLineNumber(), new StringBuilder(), new ArrayList<>()));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!stack.isEmpty()) {
                StringBuilder text = stack.get(stack.size() - 1).text();
                if (text.length() < 4096) {
                    text.append(ch, start, length);
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Builder b = stack.remove(stack.size() - 1);
            Element e = new Element(b.name(), b.text().toString().strip(), b.line(), List.copyOf(b.children()));
            if (stack.isEmpty()) {
                root = e;
            } else {
                stack.get(stack.size() - 1).children().add(e);
            }
        }
    }
}
