/**
 * Trained models on disk: `models/<network>/` (or `models/all/` for a model of every
 * network) holds the TensorFlow.js artifacts (`model.json`, `weights.bin`) and
 * `partnerfit-model.json`: the model's config (version, features, weights), the hash
 * of its training data, its metrics and how it was trained. The directory is
 * `PARTNERFIT_MODELS`, default `./models`.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { PartnerfitError } from '../core/errors.ts';
import { logisticPairModel, type LogisticModelConfig, type PairModel } from '../core/learning/pair-model.ts';
import type { TrainingMetrics } from './pair-model-trainer.ts';

export const ALL_NETWORKS_MODEL = 'all';

export interface StoredModelInfo {
  readonly config: LogisticModelConfig;
  readonly network: string | null;
  readonly trainingDataHash: string;
  readonly trainingRows: number;
  readonly options: Readonly<Record<string, number | string>>;
  readonly metrics: TrainingMetrics;
}

const configSchema = z.object({
  kind: z.literal('logistic'),
  formatVersion: z.literal(1),
  version: z.string(),
  featureNames: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
});

const infoSchema = z.object({
  config: configSchema,
  network: z.string().nullable(),
  trainingDataHash: z.string(),
  trainingRows: z.number(),
  options: z.record(z.string(), z.union([z.number(), z.string()])),
  metrics: z.record(z.string(), z.unknown()),
});

export function modelsDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.PARTNERFIT_MODELS || 'models';
}

function folderOf(directory: string, network: string | null): string {
  const name = network ?? ALL_NETWORKS_MODEL;
  if (!/^[\w.-]+$/.test(name) || name === '.' || name === '..') throw new PartnerfitError('usage', `network id "${name}" cannot name a model folder`);
  return path.join(directory, name);
}

export function saveModel(directory: string, info: StoredModelInfo, artifacts: tf.io.ModelArtifacts): string {
  const folder = folderOf(directory, info.network);
  mkdirSync(folder, { recursive: true });
  const write = (name: string, data: string | Uint8Array) => {
    // Write then rename: a reader never sees half a model.
    const tmp = path.join(folder, `.${name}.tmp`);
    writeFileSync(tmp, data);
    renameSync(tmp, path.join(folder, name));
  };
  const weightData = artifacts.weightData;
  const weights = weightData instanceof ArrayBuffer ? new Uint8Array(weightData) : new Uint8Array(0);
  write('weights.bin', weights);
  write(
    'model.json',
    `${JSON.stringify({ modelTopology: artifacts.modelTopology, format: 'layers-model', generatedBy: 'partnerfit', weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }] }, null, 2)}\n`,
  );
  write('partnerfit-model.json', `${JSON.stringify(info, null, 2)}\n`);
  return folder;
}

/** The stored model of a network, or null when none was trained. */
export function readModelInfo(directory: string, network: string | null): StoredModelInfo | null {
  const file = path.join(folderOf(directory, network), 'partnerfit-model.json');
  if (!existsSync(file)) return null;
  const parsed = infoSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new PartnerfitError('unusable-input', `${file} is not a partnerfit model: ${parsed.error.issues[0]?.message}`);
  return parsed.data as unknown as StoredModelInfo;
}

/** The model suggest uses for a network: the network's own, else the all-networks one, else none. */
export function loadModelFor(directory: string, network: string | null): PairModel | null {
  const info = (network ? readModelInfo(directory, network) : null) ?? readModelInfo(directory, null);
  return info ? logisticPairModel(info.config) : null;
}
