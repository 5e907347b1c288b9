import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReadmeExample {
  language: 'graphql' | 'sh';
  text: string;
}

const README = join(__dirname, '..', '..', 'README.md');
const FENCED = /^```(graphql|sh)\n([\s\S]*?)^```$/gm;

/**
 * The fenced graphql and sh blocks of one `## ` section of the README (its `###` subsections
 * included), in the order a reader meets them.
 */
export function readmeExamples(title: string): ReadmeExample[] {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no section "## ${title}"`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(FENCED)].map((match) => ({
    language: match[1] as ReadmeExample['language'],
    text: match[2],
  }));
}
