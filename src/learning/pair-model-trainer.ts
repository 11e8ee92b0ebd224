/**
 * Trains the pair model with TensorFlow.js: logistic regression over the pair
 * features (the five criteria and the evidence behind each), on a time-based split
 * (the last periods of the ledger validate, the earlier ones train). Seeded and
 * reproducible: weights start at zero, batches are shuffled by our seeded generator,
 * and every tensor is freed (tf.tidy / dispose).
 */
import * as tf from '@tensorflow/tfjs';
import { auc } from '../core/evaluation/ranking-metrics.ts';
import { PAIR_FEATURE_NAMES, type LogisticModelConfig } from '../core/learning/pair-model.ts';
import type { TrainingExamples } from '../core/learning/training-examples.ts';
import { createRandom } from '../core/random/seeded-random.ts';
import { useBackend } from '../batch/tensorflow-backend.ts';

export interface TrainOptions {
  /** Default 7. */
  readonly seed?: number;
  /**
   * Default 40, fewer on large sets: at most about 1.5 million row passes per fit
   * (and at least 5 epochs). A row pass costs a few microseconds on the WebAssembly
   * backend, and a logistic regression over 16 features has converged long before.
   */
  readonly epochs?: number;
  /**
   * Default: 512, or more on large sets so an epoch takes at most 8 steps (a step
   * costs milliseconds of TensorFlow.js overhead whatever its size; the logistic
   * regression converges just as well on larger batches).
   */
  readonly batchSize?: number;
  /** Default 0.05 (Adam). */
  readonly learningRate?: number;
  /** Share of the periods, counted from the end, that validate; default 0.25 (0: no validation). */
  readonly validationShare?: number;
  /**
   * After measuring on the validation periods, fit again on every period, so the
   * saved model has seen the latest ones too (default true). The metrics stay those
   * of the fit that did not see the validation periods.
   */
  readonly refitOnAll?: boolean;
}

export interface TrainingMetrics {
  readonly trainExamples: number;
  readonly validationExamples: number;
  /** Periods [from, to) of each split. */
  readonly trainPeriods: readonly [number, number];
  readonly validationPeriods: readonly [number, number];
  readonly validationAuc: number | null;
  readonly validationLogLoss: number | null;
  readonly trainLogLoss: number;
  readonly positiveShare: number;
  readonly backend: string;
  readonly seconds: number;
}

export interface TrainedPairModel {
  readonly config: LogisticModelConfig;
  readonly metrics: TrainingMetrics;
  /** The TensorFlow.js artifacts (topology + weights), for tools that load tfjs models. */
  readonly artifacts: tf.io.ModelArtifacts;
}

const MAX_ROW_PASSES = 1_500_000;

export async function trainPairModel(examples: TrainingExamples, version: string, options: TrainOptions = {}): Promise<TrainedPairModel> {
  const started = performance.now();
  const backend = await useBackend('auto');
  const seed = options.seed ?? 7;
  const n = examples.count;
  const d = examples.featureCount;
  if (n === 0) throw new Error('no training examples: the ledger has no won referrals after its first period');
  const periods = new Set(examples.periods);
  const sortedPeriods = [...periods].sort((a, b) => a - b);
  const validationCount = sortedPeriods.length > 1 ? Math.max(1, Math.round(sortedPeriods.length * (options.validationShare ?? 0.25))) : 0;
  const splitPeriod = validationCount > 0 ? sortedPeriods[sortedPeriods.length - validationCount]! : Infinity;
  const trainIndex: number[] = [];
  const validationIndex: number[] = [];
  for (let i = 0; i < n; i++) (examples.periods[i]! < splitPeriod ? trainIndex : validationIndex).push(i);
  // Rows are shuffled once, with our seeded generator (fit's own shuffle is unseeded).
  const random = createRandom(seed);
  const shuffle = (index: number[]) => {
    for (let i = index.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [index[i], index[j]] = [index[j]!, index[i]!];
    }
    return index;
  };
  const gather = (index: readonly number[]) => {
    const x = new Float32Array(index.length * d);
    const y = new Float32Array(index.length);
    index.forEach((row, k) => {
      x.set(examples.features.subarray(row * d, (row + 1) * d), k * d);
      y[k] = examples.labels[row]!;
    });
    return { x, y, n: index.length };
  };
  const fit = async (data: { x: Float32Array; y: Float32Array; n: number }) => {
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: 1, inputShape: [d], activation: 'sigmoid', kernelInitializer: 'zeros', biasInitializer: 'zeros' }));
    model.compile({ optimizer: tf.train.adam(options.learningRate ?? 0.05), loss: 'binaryCrossentropy' });
    const xs = tf.tensor2d(data.x, [data.n, d]);
    const ys = tf.tensor2d(data.y, [data.n, 1]);
    try {
      const batchSize = options.batchSize ?? Math.max(512, Math.ceil(data.n / 8));
      const epochs = options.epochs ?? Math.min(40, Math.max(5, Math.round(MAX_ROW_PASSES / data.n)));
      const history = await model.fit(xs, ys, { epochs, batchSize, shuffle: false, verbose: 0 });
      const losses = history.history.loss as number[];
      return { model, loss: losses[losses.length - 1] ?? NaN };
    } finally {
      xs.dispose();
      ys.dispose();
    }
  };

  let { model, loss: trainLogLoss } = await fit(gather(shuffle(trainIndex)));
  let validationAuc: number | null = null;
  let validationLogLoss: number | null = null;
  if (validationIndex.length > 0) {
    const validation = gather(validationIndex);
    const predicted = tf.tidy(() => model.predict(tf.tensor2d(validation.x, [validation.n, d])) as tf.Tensor);
    const p = Array.from(await predicted.data());
    predicted.dispose();
    validationAuc = auc(p, Array.from(validation.y, (y) => y === 1));
    validationLogLoss = p.reduce((s, pi, i) => s - (validation.y[i] === 1 ? Math.log(Math.max(pi, 1e-7)) : Math.log(Math.max(1 - pi, 1e-7))), 0) / p.length;
    if (options.refitOnAll ?? true) {
      model.dispose();
      ({ model } = await fit(gather(shuffle([...trainIndex, ...validationIndex]))));
    }
  }
  const kernel = model.layers[0]!.getWeights();
  const weights = Array.from(await kernel[0]!.data());
  const bias = (await kernel[1]!.data())[0]!;
  let artifacts!: tf.io.ModelArtifacts;
  await model.save(tf.io.withSaveHandler(async (a) => {
    artifacts = a;
    return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
  }));
  model.dispose();
  const positives = examples.labels.reduce((s, y) => s + y, 0);
  return {
    config: { kind: 'logistic', formatVersion: 1, version, featureNames: PAIR_FEATURE_NAMES, weights: weights.map(round6), bias: round6(bias) },
    metrics: {
      trainExamples: trainIndex.length,
      validationExamples: validationIndex.length,
      trainPeriods: [sortedPeriods[0] ?? 0, Number.isFinite(splitPeriod) ? splitPeriod : (sortedPeriods.at(-1) ?? 0) + 1],
      validationPeriods: Number.isFinite(splitPeriod) ? [splitPeriod, sortedPeriods.at(-1)! + 1] : [0, 0],
      validationAuc: validationAuc === null ? null : round6(validationAuc),
      validationLogLoss: validationLogLoss === null ? null : round6(validationLogLoss),
      trainLogLoss: round6(trainLogLoss),
      positiveShare: round6(positives / n),
      backend,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    },
    artifacts,
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
