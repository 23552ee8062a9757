import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.heic': 'image/heic',
  '.heif': 'image/heif',
  '.bmp': 'image/bmp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.yaml': 'text/yaml',
  '.yml': 'text/yaml',
  '.conf': 'text/plain',
  '.cfg': 'text/plain',
  '.ini': 'text/plain',
  '.md': 'text/markdown',
  '.svg': 'image/svg+xml',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.zip': 'application/zip',
};

/** A media type from the file name, for previews and the manifest; never trusted for security. */
export function mediaTypeOf(fileName: string): string {
  return TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Previewable as an image in the renderer (CSP allows data: images); Chromium cannot draw HEIC. */
export const isImageType = (t: string) => t.startsWith('image/') && t !== 'image/heic' && t !== 'image/heif';
/** Previewable as text. */
export const isTextType = (t: string) => t.startsWith('text/') || t === 'application/json' || t === 'application/xml';
