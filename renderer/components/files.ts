import type { FilePayload } from '../../db/core/results';
/** Files in and out of the page: the API carries them as base64. */

export type { FilePayload };

export function downloadFile(file: FilePayload): void {
  const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
  downloadBlob(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    file.fileName,
  );
}

/** Hands a file made in the page to the browser's (or Electron's) save. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The date part of a file name, as the exports on the program's side stamp theirs. */
export const today = (): string => new Date().toISOString().slice(0, 10);
