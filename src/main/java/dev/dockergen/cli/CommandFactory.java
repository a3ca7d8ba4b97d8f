package dev.dockergen.cli;

import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/** Creates commands with the shared context; everything else picocli creates itself. */
final class CommandFactory implements CommandLine.IFactory {
    private final Map<Class<?>, Function<CommandContext, Object>> commands = Map.ofEntries(
            Map.entry(InitCommand.class, InitCommand::new),
            Map.entry(DetectCommand.class, DetectCommand::new),
            Map.entry(AuditCommand.class, AuditCommand::new),
            Map.entry(CheckCommand.class, CheckCommand::new),
            Map.entry(PresetsCommand.class, PresetsCommand::new),
            Map.entry(MeasureCommand.class, MeasureCommand::new),
            Map.entry(PresetsCommand.ListCommand.class, PresetsCommand.ListCommand::new),
            Map.entry(PresetsCommand.ShowCommand.class, PresetsCommand.ShowCommand::new),
            Map.entry(PresetsCommand.ValidateCommand.class, PresetsCommand.ValidateCommand::new),
            Map.entry(CompletionCommand.class, CompletionCommand::new),
            Map.entry(PresetNames.class, PresetNames::new));
    private final CommandContext context;

    CommandFactory(CommandContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        Function<CommandContext, Object> make = commands.get(cls);
        return make != null ? cls.cast(make.apply(context)) : CommandLine.defaultFactory().create(cls);
    }
}
