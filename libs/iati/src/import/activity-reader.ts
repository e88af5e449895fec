import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';

/**
 * One element as the file wrote it, with the line it starts on. Attribute names are the file's (a client's
 * keys): a Map, so an attribute named `constructor` is just that.
 */
export interface XmlNode {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlNode[];
  text: string;
  readonly line: number;
  /** /iati-activities/iati-activity[3]/transaction[2]: where a problem is, for the report. */
  readonly path: string;
}

export interface FileHeader {
  /** The root's @version; null when the root has none (read as 2.03, and reported). */
  readonly version: string | null;
  readonly rootName: string;
}

export interface ReadActivity {
  readonly header: FileHeader;
  readonly node: XmlNode;
  /** Its position in the file, from 1. */
  readonly index: number;
}

/**
 * Reads an IATI activity file as a stream (saxes, a maintained streaming XML parser) and yields one
 * `iati-activity` at a time, so a 100 MB file is read in bounded memory: only the activity being read is
 * held. A byte-order mark, CRLF line ends and elements of other tools' namespaces (`iati-extra:`) are read
 * as they come; prefixes are kept as written, never resolved, so an undeclared one is no error.
 */
export async function* readActivities(input: Readable): AsyncGenerator<ReadActivity> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: ReadActivity[] = [];
  const stack: XmlNode[] = [];
  const counts: Map<string, number>[] = [new Map()];
  let header: FileHeader | null = null;
  let index = 0;
  let failure: Error | null = null;

  parser.on('opentag', (tag) => {
    const siblings = counts[counts.length - 1];
    const nth = (siblings.get(tag.name) ?? 0) + 1;
    siblings.set(tag.name, nth);
    counts.push(new Map());
    const parentPath = stack.length > 0 ? stack[stack.length - 1].path : '';
    const attributes = new Map<string, string>();
    for (const [k, v] of Object.entries(tag.attributes)) attributes.set(k, v);
    if (header === null) {
      header = { version: attributes.get('version') ?? null, rootName: tag.name };
      stack.push({ name: tag.name, attributes, children: [], text: '', line: parser.line, path: `/${tag.name}` });
      return;
    }
    const node: XmlNode = { name: tag.name, attributes, children: [], text: '', line: parser.line, path: `${parentPath}/${tag.name}[${nth}]` };
    // Only the activity being read keeps its children: the root's list of activities is never built.
    if (stack.length > 1) stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    if (stack.length > 1) stack[stack.length - 1].text += text;
  });
  parser.on('cdata', (text) => {
    if (stack.length > 1) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    counts.pop();
    if (node && stack.length === 1 && node.name === 'iati-activity' && header) ready.push({ header, node, index: ++index });
  });
  parser.on('error', (error) => {
    failure ??= error;
  });

  let first = true;
  for await (const chunk of input) {
    let text = typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    parser.write(text);
    if (failure) throw new XmlSyntaxError((failure as Error).message);
    yield* ready.splice(0);
  }
  parser.close();
  if (failure) throw new XmlSyntaxError((failure as Error).message);
  yield* ready.splice(0);
}

/** The file is not well-formed XML: what was read before the fault stands, and the report says where. */
export class XmlSyntaxError extends Error {}

export const childrenNamed = (node: XmlNode, name: string): XmlNode[] => node.children.filter((c) => c.name === name);
export const childNamed = (node: XmlNode, name: string): XmlNode | undefined => node.children.find((c) => c.name === name);
