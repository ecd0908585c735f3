package io.dendrite.runner.distributed;

import io.dendrite.core.plugin.ComponentFactory;
import io.dendrite.core.plugin.PluginRegistry;
import io.dendrite.core.tensor.Kernels;
import io.dendrite.core.train.ExperimentTrainer;
import io.dendrite.runner.output.RunSettings;
import io.dendrite.runner.validate.LoadedExperiment;

/**
 * What a distributed engine is given for one run.
 *
 * @param local this process's trainer: it prepares the data and the network that the replay holds
 * @param components the plugins, through the run's injector
 * @param kernels this process's kernels, for the replayed network
 */
public record DistributedSetup(
    LoadedExperiment loaded,
    ExperimentTrainer local,
    ComponentFactory components,
    PluginRegistry registry,
    Kernels kernels,
    RunSettings settings) {}
