import { spawn } from 'node:child_process';

/** The text of a PDF as `pdftotext -layout` reads it (poppler-utils), non-breaking spaces as spaces. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const child = spawn('pdftotext', ['-layout', '-', '-']);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  child.stdin.end(bytes);
  const code = await exited;
  if (code !== 0) throw new Error(`pdftotext exited with ${code}`);
  return Buffer.concat(chunks).toString('utf8').replaceAll('\u00a0', ' ');
}
