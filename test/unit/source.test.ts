import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectProfileFiles, formatWarning, ImportInputError, readProfileFile } from '../../seed/source.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-source-'));
const profile = 'Portrait of Jo Doe\n\nJo Doe\n\nPublications\n\nThe Republic\nPlato\n';
const fifo = path.join(scratch, 'pipe.txt');
const socketPath = path.join(scratch, 'socket.txt');
let server: net.Server;

function writeFile(relative: string, content: string | Buffer): string {
  const file = path.join(scratch, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

function inputError(run: () => unknown): ImportInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportInputError) return error;
    throw error;
  }
  throw new Error('expected an ImportInputError');
}

beforeAll(async () => {
  // Opening a FIFO for reading waits for a writer: if the code opened it, the test would hang and time out.
  execFileSync('mkfifo', [fifo]);
  server = net.createServer();
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('what is not a regular file is refused without being opened', () => {
  it('a FIFO named on the command line', () => {
    const error = inputError(() => collectProfileFiles([fifo]));
    expect(error.message).toBe(`${fifo}: a named pipe (FIFO), not a profile file: give .txt, .html, .htm, .bib files or folders of them`);
    expect(error.line).toBe(0);
  });

  it('a FIFO given to readProfileFile directly', () => {
    expect(inputError(() => readProfileFile(fifo)).message).toMatch(/pipe\.txt: a named pipe \(FIFO\), not a profile file/);
  });

  it('a FIFO inside a folder', () => {
    expect(inputError(() => collectProfileFiles([scratch])).message).toMatch(/pipe\.txt: a named pipe \(FIFO\)/);
  });

  it('a socket and a device', () => {
    expect(inputError(() => collectProfileFiles([socketPath])).message).toMatch(/socket\.txt: a socket, not a profile file/);
    expect(inputError(() => collectProfileFiles(['/dev/null'])).message).toMatch(/^\/dev\/null: a device, not a profile file/);
  });
});

describe('file types', () => {
  it('other types get an error naming the supported ones', () => {
    const pdf = writeFile('types/paper.pdf', '%PDF-1.4');
    expect(inputError(() => collectProfileFiles([pdf])).message).toBe(`${pdf}: unsupported file type (.pdf): the import reads .txt, .html, .htm, .bib files`);
    expect(inputError(() => readProfileFile(writeFile('types/profile.docx', 'PK'))).message).toMatch(/unsupported file type \(\.docx\)/);
    expect(inputError(() => readProfileFile(writeFile('types/README', profile))).message).toMatch(/unsupported file type \(no extension\)/);
  });

  it('a folder stands for its .txt, .html and .htm files, in name order', () => {
    const folder = path.join(scratch, 'folder');
    for (const name of ['b.html', 'a.txt', 'c.htm', 'd.TXT', 'notes.pdf', 'image.png']) writeFile(`folder/${name}`, profile);
    expect(collectProfileFiles([folder]).map((file) => path.basename(file))).toEqual(['a.txt', 'b.html', 'c.htm', 'd.TXT']);
  });

  it('a missing path', () => {
    expect(inputError(() => collectProfileFiles([path.join(scratch, 'nope.txt')])).message).toBe(`${path.join(scratch, 'nope.txt')}: no such file or folder`);
  });
});

describe('reading a text profile', () => {
  it('gives the parse\'s warnings with their lines, printed as file:line: warning: …', () => {
    const file = writeFile('warned.txt', profile);
    const source = readProfileFile(file);
    expect(source.profile.publications.map((publication) => publication.title)).toEqual(['The Republic', 'Plato']);
    expect(source.profile.warnings.map((warning) => formatWarning(file, warning))).toEqual([
      expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:8: warning: "Plato" read as the title of a new publication`)),
    ]);
  });

  it('a parse error is an ImportInputError with file:line', () => {
    const file = writeFile('no-letter.txt', 'Portrait de !!! ???\n\n!!! ???\n\nPublications\n\nA Title\n');
    expect(inputError(() => readProfileFile(file)).message).toBe(`${file}:3: the profile's name "!!! ???" has no letter: expected the person's name after the "Portrait" line`);
  });
});
