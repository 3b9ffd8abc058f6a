import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoMod, parseGoWork } from '../../src/workspace/gomod.js';

describe('parseGoMod', () => {
  it('reads module and go directives', () => {
    assert.deepEqual(parseGoMod('module example.com/app\n\ngo 1.22.3\n'), { module: 'example.com/app', go: '1.22.3' });
  });

  it('skips comments, including ones after the directive', () => {
    const text = [
      '// Deprecated: use example.com/v2',
      'module example.com/old // Deprecated: moved',
      '',
      '// go 1.10',
      'go 1.21 // minimum',
      'toolchain go1.22.0',
    ].join('\n');
    assert.deepEqual(parseGoMod(text), { module: 'example.com/old', go: '1.21' });
  });

  it('unquotes interpreted and raw module paths', () => {
    assert.equal(parseGoMod('module "example.com/q"\n').module, 'example.com/q');
    assert.equal(parseGoMod('module `example.com/raw`\n').module, 'example.com/raw');
    assert.equal(parseGoMod('module "example.com/has//slashes"\n').module, 'example.com/has//slashes');
  });

  it('reads directives written as blocks and ignores the other blocks', () => {
    const text = [
      'module (',
      '  example.com/blocky',
      ')',
      'require (',
      '  golang.org/x/sync v0.7.0 // indirect',
      '  go v1.0.0',
      ')',
      'go 1.20',
    ].join('\r\n');
    assert.deepEqual(parseGoMod(text), { module: 'example.com/blocky', go: '1.20' });
  });

  it('returns nulls when directives are missing', () => {
    assert.deepEqual(parseGoMod(''), { module: null, go: null });
    assert.deepEqual(parseGoMod('require x v1\n'), { module: null, go: null });
    assert.deepEqual(parseGoMod('module example.com/m\n'), { module: 'example.com/m', go: null });
  });
});

describe('parseGoWork', () => {
  it('reads go and use directives, single and in blocks', () => {
    const text = ['go 1.22', '', 'use ./tools // helpers', 'use (', '  ./a', '  "./b c"', ')', 'replace x => ./y'].join('\n');
    assert.deepEqual(parseGoWork(text), { go: '1.22', use: ['./tools', './a', './b c'] });
  });

  it('handles an empty file', () => {
    assert.deepEqual(parseGoWork(''), { go: null, use: [] });
  });
});
