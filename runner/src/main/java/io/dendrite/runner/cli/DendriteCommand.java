package io.dendrite.runner.cli;

import io.dendrite.runner.DendriteVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dendrite}: train neural networks from YAML experiment files. */
@Command(
    name = "dendrite",
    mixinStandardHelpOptions = true,
    versionProvider = DendriteCommand.Version.class,
    description = "Train neural networks from YAML experiment files.",
    footer = {
      "",
      "Exit codes: 0 success, 2 invalid configuration or usage, 3 bad data or model file,"
          + " 1 internal error (and, for plugins doctor, a plugin problem)."
    })
public final class DendriteCommand implements Callable<Integer> {
  private final CliEnvironment env;

  @Spec CommandSpec spec;

  private DendriteCommand(CliEnvironment env) {
    this.env = env;
  }

  /** The command line with every subcommand, its streams and error handling set up. */
  public static CommandLine commandLine(CliEnvironment env) {
    CommandLine cmd = new CommandLine(new DendriteCommand(env));
    cmd.addSubcommand("run", new RunCommand(env));
    cmd.addSubcommand("resume", new ResumeCommand(env));
    cmd.addSubcommand("evaluate", new EvaluateCommand(env));
    cmd.addSubcommand("predict", new PredictCommand(env));
    cmd.addSubcommand("validate", new ValidateCommand(env));
    cmd.addSubcommand("plan", new PlanCommand(env));
    cmd.addSubcommand("runs", new RunsCommand(env));
    cmd.addSubcommand("compare", new CompareCommand(env));
    CommandLine plugins = new CommandLine(new PluginsCommand(env));
    plugins.addSubcommand("describe", new PluginsDescribeCommand(env));
    plugins.addSubcommand("doctor", new PluginsDoctorCommand(env));
    cmd.addSubcommand("plugins", plugins);
    cmd.addSubcommand("schema", new SchemaCommand(env));
    cmd.addSubcommand("sweep", new SweepCommand(env));
    cmd.addSubcommand("help", new CommandLine.HelpCommand());
    ErrorReporter errors = new ErrorReporter();
    cmd.setOut(env.out());
    cmd.setErr(env.err());
    cmd.setExecutionExceptionHandler(errors);
    cmd.setParameterExceptionHandler(errors);
    return cmd;
  }

  /** Without a command: say which exist; that is a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(env.err());
    return ErrorReporter.USAGE;
  }

  /** Reports the version of this build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"dendrite " + DendriteVersion.get()};
    }
  }
}
