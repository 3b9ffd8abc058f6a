import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_RULES } from '../../src/rules/index.js';
import { describeReport, FIXTURES, runFixture } from './fixture-harness.js';

for (const rule of ALL_RULES) {
  const dir = join(FIXTURES, rule.meta.id);
  test(`fixtures of ${rule.meta.id}`, async (t) => {
    assert.ok(existsSync(dir), `every rule needs fixtures: ${dir} is missing`);
    const cases = readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort();
    assert.ok(cases.length > 0, `no fixture folders under ${dir}`);
    let expected = 0;
    for (const c of cases) {
      await t.test(c, async () => {
        const report = await runFixture(rule.meta.id, join(dir, c));
        expected += report.findings.length;
        assert.equal(describeReport(report), '', `fixture ${rule.meta.id}/${c} does not behave as marked`);
      });
    }
    assert.ok(expected > 0, `the fixtures of ${rule.meta.id} expect no finding at all: each rule needs cases that must fire`);
  });
}
