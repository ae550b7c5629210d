import { parentPort, workerData } from 'node:worker_threads';
import { loadLab } from '../lab/catalog.js';
import { replaySubmission, type ReplayOptions } from '../lab/replay.js';

// A grading worker: loads the lab once, then replays each submission it is sent.
const { labPath, options } = workerData as { labPath: string; options: ReplayOptions };
const entry = loadLab(labPath);
parentPort!.on('message', (job: { index: number; text: string; source: string }) => {
  parentPort!.postMessage({ index: job.index, result: replaySubmission(entry, job.text, job.source, options) });
});
