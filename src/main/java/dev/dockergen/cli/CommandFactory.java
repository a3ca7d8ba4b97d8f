package dev.dockergen.cli;

import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/** Creates commands with the shared context; everything else picocli creates itself. */
final class CommandFactory implements CommandLine.IFactory {
    private final Map<Class<?>, Function<CommandContext, Object>> commands = Map.of(
            InitCommand.class, InitCommand::new,
            DetectCommand.class, DetectCommand::new,
            AuditCommand.class, AuditCommand::new,
            CheckCommand.class, CheckCommand::new,
            PresetsCommand.class, PresetsCommand::new,
            MeasureCommand.class, MeasureCommand::new,
            PresetsCommand.ListCommand.class, PresetsCommand.ListCommand::new,
            PresetsCommand.ShowCommand.class, PresetsCommand.ShowCommand::new,
            PresetsCommand.ValidateCommand.class, PresetsCommand.ValidateCommand::new);
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
