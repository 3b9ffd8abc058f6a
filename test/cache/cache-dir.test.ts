import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultCacheDir } from '../../src/cache/cache-dir.js';

test('XDG_CACHE_HOME first, then ~/.cache, then the temp folder', () => {
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }, () => '/home/u'), join('/x/cache', 'goconc'));
  assert.equal(defaultCacheDir({}, () => '/home/u'), join('/home/u', '.cache', 'goconc'));
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: 'relative/cache' }, () => '/home/u'), join('/home/u', '.cache', 'goconc'), 'a relative XDG_CACHE_HOME is ignored');
  assert.equal(defaultCacheDir({}, () => ''), join(tmpdir(), 'goconc-cache'));
  assert.equal(defaultCacheDir({}, () => { throw new Error('no home'); }), join(tmpdir(), 'goconc-cache'));
});
