import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EinvoiceAdapter } from './adapter';

/**
 * Writes each UBL file into a folder that the accountant's platform collects, and marks it submitted. Written under a
 * temporary name then renamed, so that the collector never picks up half a file.
 */
export const folderAdapter: EinvoiceAdapter = {
  submits: true,
  async submit(submission, settings) {
    const folder = path.resolve(settings.folder);
    await mkdir(folder, { recursive: true });
    const target = path.join(folder, submission.fileName);
    const partial = `${target}.part`;
    await writeFile(partial, submission.xml);
    await rename(partial, target);
    return { state: 'submitted', reference: target };
  },
};
