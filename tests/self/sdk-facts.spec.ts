// The SDK's facts: src/sdk reads *Action.java files of the SDK's form with a real Java parser (the Java below
// is written for these tests, in the SDK's shape), as npm run import:sdk does for contracts/sdk/apis/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { actionFacts } from '../../src/sdk/action-facts.ts';
import { jsonTypeOf } from '../../src/sdk/java-json-type.ts';
import { integerValue, unescapeJava } from '../../src/sdk/java-literal.ts';
import { jsonText } from '../../src/sdk/json-text.ts';
import { sdkEnumTest } from '../../src/sdk/sdk-enums.ts';

const WIDGET_ACTION = String.raw`package org.zstack.sdk.widget.api;

import java.util.HashMap;
import org.zstack.sdk.*;

public class CreateWidgetAction extends AbstractAction {

    public static class Result {
        public ErrorCode error;
        public Object value;
    }

    @Param(
        required = true, // a comment inside the annotation
        /* and a block comment */ maxLength = 64,
        validValues = {"A", "B"}
    )
    public java.lang.String name;

    @Param(required = false, numberRange = {1L, 65535L}, numberRangeUnit = "port")
    public java.lang.Integer port = -1;

    @Param(required = false, nonempty = true, nullElements = false)
    public java.util.List<String> tags;

    @Param(required = false, validRegexValues = "^\\d+\"\t\u0041$", minLength = 0x10, emptyString = false, noTrim = true)
    public String pattern = "say \"hi\"\n";

    @Param(required = false, numberRange = {-1L, 9223372036854775807L})
    public long size = 0L;

    @Param
    public boolean enabled = false;

    @Param(required = false)
    public java.util.Map<String, java.util.List<String>> extra = new HashMap<>();

    @NonAPIParam
    public long timeout = -1;

    public String notAParam;

    protected RestInfo getRestInfo() {
        RestInfo info = new RestInfo();
        info.httpMethod = "POST";
        info.path = "/widgets/{uuid}";
        info.needSession = true;
        info.needPoll = true;
        info.parameterName = "params";
        return info;
    }
}
`;

const QUERY_ACTION = `package org.zstack.sdk;

public class QueryWidgetAction extends QueryAction {
    protected RestInfo getRestInfo() {
        RestInfo info = new RestInfo();
        info.httpMethod = "GET";
        info.path = "/widgets";
        info.needSession = true;
        info.needPoll = false;
        return info;
    }
}
`;

const WIDGET_FILE = 'sdk/src/main/java/org/zstack/sdk/widget/api/CreateWidgetAction.java';

test('an action class gives its name, superclass, route and every @Param field with what is written on it', () => {
  const facts = actionFacts(WIDGET_ACTION, WIDGET_FILE);
  expect(facts.class).toBe('org.zstack.sdk.widget.api.CreateWidgetAction');
  expect(facts.file).toBe(WIDGET_FILE);
  expect(facts.extends).toBe('AbstractAction');
  expect(facts.rest).toEqual({
    httpMethod: 'POST',
    path: '/widgets/{uuid}',
    needSession: true,
    needPoll: true,
    parameterName: 'params',
  });
  expect(Object.keys(facts.params)).toEqual(['name', 'port', 'tags', 'pattern', 'size', 'enabled', 'extra']);
  expect(facts.params).toEqual({
    name: { javaType: 'java.lang.String', required: true, validValues: ['A', 'B'], maxLength: 64 },
    port: {
      javaType: 'java.lang.Integer',
      required: false,
      numberRange: [1, 65535],
      numberRangeUnit: ['port'],
      initializer: -1,
    },
    tags: { javaType: 'java.util.List<String>', required: false, nonempty: true, nullElements: false },
    pattern: {
      javaType: 'String',
      required: false,
      validRegexValues: '^\\d+"\tA$',
      minLength: 16,
      emptyString: false,
      noTrim: true,
      initializer: 'say "hi"\n',
    },
    size: { javaType: 'long', required: false, numberRange: [-1, 9223372036854775807n], initializer: 0 },
    // Param declares required() default true: the one element a fact always carries.
    enabled: { javaType: 'boolean', required: true, initializer: false },
    extra: { javaType: 'java.util.Map<String, java.util.List<String>>', required: false },
  });
});

test('an action whose getRestInfo() sets no parameterName has none, and a query action its superclass', () => {
  const facts = actionFacts(QUERY_ACTION, 'sdk/src/main/java/org/zstack/sdk/QueryWidgetAction.java');
  expect(facts.class).toBe('org.zstack.sdk.QueryWidgetAction');
  expect(facts.extends).toBe('QueryAction');
  expect(facts.rest).toEqual({ httpMethod: 'GET', path: '/widgets', needSession: true, needPoll: false });
  expect('parameterName' in facts.rest).toBe(false);
  expect(facts.params).toEqual({});
});

test('what the reader cannot take for a fact is one line naming the file and the field', () => {
  const file = 'sdk/src/main/java/org/zstack/sdk/widget/api/CreateWidgetAction.java';
  const broken = (from: string, to: string) => () => actionFacts(WIDGET_ACTION.replace(from, to), file);
  expect(broken('maxLength = 64', 'maxLength = LIMIT')).toThrow(
    `${file}: CreateWidgetAction.name: @Param maxLength is not an integer literal`,
  );
  expect(broken('maxLength = 64', 'maxLenght = 64')).toThrow(
    'CreateWidgetAction.name: @Param has no element maxLenght',
  );
  expect(broken('info.path = "/widgets/{uuid}";', '')).toThrow('getRestInfo() does not set path');
  expect(broken('public java.lang.String name;', 'public java.lang.String name')).toThrow(
    /^sdk\/src\/main\/java\/org\/zstack\/sdk\/widget\/api\/CreateWidgetAction\.java: .*line: \d+/,
  );
  expect(() => actionFacts(WIDGET_ACTION, 'sdk/OtherAction.java')).toThrow(
    'sdk/OtherAction.java: no top-level class OtherAction',
  );
});

test('Java literals read as the compiler reads them', () => {
  expect([
    integerValue('65535L'),
    integerValue('0x1F'),
    integerValue('0b101'),
    integerValue('017'),
    integerValue('1_000'),
    integerValue('0'),
  ]).toEqual([65535, 31, 5, 15, 1000, 0]);
  expect(integerValue('9223372036854775807L')).toBe(9223372036854775807n);
  expect(unescapeJava(String.raw`a\tb\"c\\d\u0041\uu0042\101\0\s`)).toBe('a\tb"c\\dAB' + 'A\0 ');
  // An escaped backslash before u is no unicode escape.
  expect(unescapeJava(String.raw`\\u4e00`)).toBe('\\u4e00');
  expect(() => unescapeJava(String.raw`\q`)).toThrow('bad escape');
});

test('the JSON text is JSON.stringify with two spaces, and bigints keep every digit', () => {
  const value = { b: [1, 'x', true, null, { c: [] }], a: {}, skipped: undefined, s: 'é"\n' };
  expect(jsonText(value)).toBe(JSON.stringify(value, null, 2));
  expect(jsonText({ max: 9223372036854775807n, list: [1n] })).toBe(
    '{\n  "max": 9223372036854775807,\n  "list": [\n    1\n  ]\n}',
  );
});

test('Java types map to the JSON type they travel as', () => {
  const isEnum = (c: string) => c === 'org.zstack.sdk.widget.entity.WidgetType';
  const cases: Array<[string, string | undefined]> = [
    ['java.lang.String', 'string'],
    ['String', 'string'],
    ['boolean', 'boolean'],
    ['java.lang.Boolean', 'boolean'],
    ['Boolean', 'boolean'],
    ['int', 'integer'],
    ['java.lang.Integer', 'integer'],
    ['long', 'integer'],
    ['java.lang.Long', 'integer'],
    ['short', 'integer'],
    ['Short', 'integer'],
    ['float', 'number'],
    ['double', 'number'],
    ['java.lang.Double', 'number'],
    ['java.util.List', 'array'],
    ['java.util.List<String>', 'array'],
    ['java.util.Set', 'array'],
    ['java.util.Collection', 'array'],
    ['String[]', 'array'],
    ['java.util.Map', 'object'],
    ['java.util.Map<String, Object>', 'object'],
    ['org.zstack.sdk.widget.entity.WidgetType', 'string'],
    ['org.zstack.sdk.MiniHostInfo', undefined],
    ['java.lang.Object', undefined],
  ];
  for (const [java, json] of cases) expect(jsonTypeOf(java, isEnum), java).toBe(json);
});

/** A folder shaped like the zstack repository's sdk/, holding the given <Name>Action.java sources and one enum. */
function sdkFolder(actions: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sdk-facts-'));
  const pkg = join(root, 'sdk', 'src', 'main', 'java', 'org', 'zstack', 'sdk');
  for (const [name, source] of Object.entries(actions)) {
    const dir = name === 'CreateWidget' ? join(pkg, 'widget', 'api') : pkg;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}Action.java`), source);
  }
  mkdirSync(join(pkg, 'widget', 'entity'), { recursive: true });
  writeFileSync(
    join(pkg, 'widget', 'entity', 'WidgetType.java'),
    'package org.zstack.sdk.widget.entity;\n\npublic enum WidgetType {\n    Small,\n    Large,\n}\n',
  );
  writeFileSync(
    join(pkg, 'widget', 'entity', 'WidgetInfo.java'),
    'package org.zstack.sdk.widget.entity;\n\npublic class WidgetInfo {\n    public String name;\n}\n',
  );
  return root;
}

test('an SDK enum is told from an SDK class by its own source file', () => {
  const root = sdkFolder({});
  try {
    const isEnum = sdkEnumTest(join(root, 'sdk'));
    expect(isEnum('org.zstack.sdk.widget.entity.WidgetType')).toBe(true);
    expect(isEnum('org.zstack.sdk.widget.entity.WidgetInfo')).toBe(false);
    expect(isEnum('org.zstack.sdk.widget.entity.Missing')).toBe(false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
