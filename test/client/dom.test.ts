import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../src/client/dom';

describe('isSafeUrl', () => {
  it('accepts https and http addresses and same-page anchors', () => {
    expect(isSafeUrl('https://docs.google.com/document/d/x/edit')).toBe(true);
    expect(isSafeUrl('http://127.0.0.1:8080/documents/1')).toBe(true);
    expect(isSafeUrl('#panel-results')).toBe(true);
  });
  it('refuses script, data and other schemes, whatever the case or spacing', () => {
    expect(isSafeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeUrl(' JavaScript:alert(1)')).toBe(false);
    expect(isSafeUrl('data:text/html,<script>alert(1)</script>')).toBe(false);
    expect(isSafeUrl('vbscript:x')).toBe(false);
    expect(isSafeUrl('//evil.example.com')).toBe(false);
  });
  it('refuses an empty address', () => {
    expect(isSafeUrl('')).toBe(false);
  });
});
