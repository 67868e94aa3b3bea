import { createHash } from 'node:crypto';
import type { Pdf } from './document';

/** PDFKit's PNG image (PNGImage), as far as Guichet reaches into it. */
interface OpenedPng {
  width: number;
  height: number;
  imgData: Uint8Array | null;
  alphaChannel?: Uint8Array;
  finalize(): void;
  splitAlphaChannel(): void;
  loadIndexedAlphaChannel(): void;
  decodeData(): void;
}

const DECODE_STEPS = ['splitAlphaChannel', 'loadIndexedAlphaChannel', 'decodeData'] as const;
/** Images kept decoded (a logo or two; a 512×512 one is a few hundred kilobytes once deflated). */
const LIMIT = 8;
const decoded = new Map<string, { imgData: Uint8Array | null; alphaChannel: Uint8Array | undefined }>();

const isPng = (image: object): image is OpenedPng => DECODE_STEPS.every((step) => step in image);

/**
 * Draws an image (the company's logo), decoding it once per process. A PNG with transparency is inflated, split into
 * colour and alpha and deflated again by PDFKit for every document: 37 ms of a proforma's CPU for a 512×512 logo, more
 * than the rest of the page. The result only depends on the image's bytes. PDFKit finishes that step after an inflate
 * on the thread pool, so the remembered result is handed over at the same point (after the document's last page), and
 * the PDF's objects keep their numbers: the same bytes as a first decoding.
 */
export function drawImage(doc: Pdf, data: Buffer, x: number, y: number, options: PDFKit.Mixins.ImageOption): void {
  const image = (doc as Pdf & { openImage(src: Buffer): object }).openImage(data);
  if (isPng(image)) {
    const key = createHash('sha256').update(data).digest('hex');
    const known = decoded.get(key);
    if (known) {
      const handOver = () =>
        setImmediate(() => {
          image.imgData = known.imgData;
          image.alphaChannel = known.alphaChannel;
          image.finalize();
        });
      for (const step of DECODE_STEPS) image[step] = handOver;
    } else {
      let decoding = false;
      for (const step of DECODE_STEPS) {
        const run = image[step].bind(image);
        image[step] = () => {
          decoding = true;
          run();
        };
      }
      const finalize = image.finalize.bind(image);
      image.finalize = () => {
        if (decoding) {
          if (decoded.size >= LIMIT) decoded.delete(decoded.keys().next().value ?? '');
          decoded.set(key, { imgData: image.imgData, alphaChannel: image.alphaChannel });
        }
        finalize();
      };
    }
  }
  doc.image(image as unknown as Buffer, x, y, options);
}
