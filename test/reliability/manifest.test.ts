/**
 * The manifest asks for no restricted OAuth scope (Google's list for Drive and Gmail, which
 * needs a security assessment before an add-on may be published), and the README says why each
 * scope it does ask for is needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')) as { oauthScopes?: string[] };
const scopes = manifest.oauthScopes ?? [];

/** Restricted scopes, https://support.google.com/cloud/answer/13464325 (Gmail and Drive). */
export const RESTRICTED_SCOPES: readonly string[] = [
  'https://mail.google.com/',
  'https://www.googleapis.com/auth/gmail.readonly',
  'https://www.googleapis.com/auth/gmail.metadata',
  'https://www.googleapis.com/auth/gmail.modify',
  'https://www.googleapis.com/auth/gmail.insert',
  'https://www.googleapis.com/auth/gmail.compose',
  'https://www.googleapis.com/auth/gmail.settings.basic',
  'https://www.googleapis.com/auth/gmail.settings.sharing',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.readonly',
  'https://www.googleapis.com/auth/drive.activity',
  'https://www.googleapis.com/auth/drive.activity.readonly',
  'https://www.googleapis.com/auth/drive.metadata',
  'https://www.googleapis.com/auth/drive.metadata.readonly',
  'https://www.googleapis.com/auth/drive.scripts',
  'https://www.googleapis.com/auth/drive.meet.readonly',
];

/** The README's reliability section. */
function reliabilitySection(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const at = readme.indexOf('## Độ tin cậy / Reliability');
  if (at < 0) return '';
  const next = readme.indexOf('\n## ', at + 1);
  return next < 0 ? readme.slice(at) : readme.slice(at, next);
}

describe('the manifest', () => {
  it('declares its scopes explicitly', () => {
    expect(scopes.length).toBeGreaterThan(0);
  });

  it('asks for no restricted Drive or Gmail scope', () => {
    expect(scopes.filter((s) => RESTRICTED_SCOPES.includes(s.replace(/\/$/, '')) || RESTRICTED_SCOPES.includes(s))).toEqual([]);
  });

  it('would notice a restricted scope (the check itself works)', () => {
    const bad = [...scopes, 'https://www.googleapis.com/auth/drive'];
    expect(bad.filter((s) => RESTRICTED_SCOPES.includes(s))).toEqual(['https://www.googleapis.com/auth/drive']);
  });

  it('has every scope justified on its own line of the README’s reliability section', () => {
    const section = reliabilitySection();
    expect(section, 'README.md has no "## Độ tin cậy / Reliability" section').not.toBe('');
    const missing = scopes.filter((scope) => {
      const line = section.split('\n').find((l) => l.includes(`\`${scope}\``));
      // The scope, then why: at least a few words after it.
      return !line || line.slice(line.indexOf(scope) + scope.length).replace(/[`\s—:-]/g, '').length < 20;
    });
    expect(missing).toEqual([]);
  });
});
