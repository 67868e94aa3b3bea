/**
 * Hands a file to the person: a Blob behind an object URL and a clicked <a download>. The same code saves the file in a
 * browser (web mode) and in Electron, and needs no file-system access in the renderer.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the URL after click() returns: release it a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The bytes of a base64 text (a PDF sent by the main process). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** "12,5 ko" / "1,2 Mo": a file size for people, in the UI's locale. */
export function formatFileSize(bytes: number, locale: string): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(megabytes ? bytes / (1024 * 1024) : Math.max(bytes, 1) / 1024);
}
