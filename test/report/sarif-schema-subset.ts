/**
 * The part of the official SARIF 2.1.0 JSON schema (OASIS, sarif-schema-2.1.0.json,
 * draft-04) that covers every object goconc's SARIF reporter writes, restated for ajv's
 * default draft. Each definition keeps the official `required` list, the official
 * constraints of the properties listed here (enums, minimums, minItems, uniqueItems,
 * formats, anyOf), and `additionalProperties: false` as the official one does.
 *
 * It is stricter than the official schema in one way only: properties goconc never
 * writes are not listed, so emitting one fails here until it is added with its official
 * constraints. No npm package ships the official schema in a well-kept form (the one
 * that does is an unmaintained beta with network-fetching dependencies), hence this file.
 */

const uriRef = { type: 'string', format: 'uri-reference' };
const positive = { type: 'integer', minimum: 1 };
const level = { enum: ['none', 'note', 'warning', 'error'] };
const bag = { $ref: '#/definitions/propertyBag' };

export const SARIF_SUBSET_SCHEMA = {
  $id: 'goconc-test://sarif-2.1.0-subset',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: { type: ['array', 'null'], minItems: 0, items: { $ref: '#/definitions/run' } },
    properties: bag,
  },
  definitions: {
    run: {
      type: 'object',
      additionalProperties: false,
      required: ['tool'],
      properties: {
        tool: { $ref: '#/definitions/tool' },
        invocations: { type: 'array', minItems: 0, items: { $ref: '#/definitions/invocation' } },
        originalUriBaseIds: { type: 'object', additionalProperties: { $ref: '#/definitions/artifactLocation' } },
        results: { type: 'array', minItems: 0, items: { $ref: '#/definitions/result' } },
        columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
        properties: bag,
      },
    },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['driver'],
      properties: { driver: { $ref: '#/definitions/toolComponent' }, properties: bag },
    },
    toolComponent: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string' },
        informationUri: { type: 'string', format: 'uri' },
        version: { type: 'string' },
        semanticVersion: { type: 'string' },
        rules: { type: 'array', minItems: 0, uniqueItems: true, items: { $ref: '#/definitions/reportingDescriptor' } },
        properties: bag,
      },
    },
    reportingDescriptor: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        shortDescription: { $ref: '#/definitions/multiformatMessageString' },
        fullDescription: { $ref: '#/definitions/multiformatMessageString' },
        helpUri: { type: 'string', format: 'uri' },
        help: { $ref: '#/definitions/multiformatMessageString' },
        defaultConfiguration: { $ref: '#/definitions/reportingConfiguration' },
        properties: bag,
      },
    },
    reportingConfiguration: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        level,
        rank: { type: 'number', minimum: -1, maximum: 100 },
        properties: bag,
      },
    },
    multiformatMessageString: {
      type: 'object',
      additionalProperties: false,
      required: ['text'],
      properties: { text: { type: 'string' }, markdown: { type: 'string' }, properties: bag },
    },
    message: {
      type: 'object',
      additionalProperties: false,
      anyOf: [{ required: ['text'] }, { required: ['id'] }],
      properties: {
        text: { type: 'string' },
        markdown: { type: 'string' },
        id: { type: 'string' },
        arguments: { type: 'array', minItems: 0, items: { type: 'string' } },
        properties: bag,
      },
    },
    result: {
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: {
        ruleId: { type: 'string' },
        ruleIndex: { type: 'integer', minimum: -1 },
        level,
        message: { $ref: '#/definitions/message' },
        locations: { type: 'array', minItems: 0, items: { $ref: '#/definitions/location' } },
        partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
        relatedLocations: { type: 'array', minItems: 0, uniqueItems: true, items: { $ref: '#/definitions/location' } },
        fixes: { type: 'array', minItems: 0, uniqueItems: true, items: { $ref: '#/definitions/fix' } },
        properties: bag,
      },
    },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: { type: 'integer', minimum: -1 },
        physicalLocation: { $ref: '#/definitions/physicalLocation' },
        message: { $ref: '#/definitions/message' },
        properties: bag,
      },
    },
    physicalLocation: {
      type: 'object',
      additionalProperties: false,
      // Officially anyOf [required address, required artifactLocation]; goconc never
      // writes `address`, so the second branch is the only one that can hold.
      required: ['artifactLocation'],
      properties: {
        artifactLocation: { $ref: '#/definitions/artifactLocation' },
        region: { $ref: '#/definitions/region' },
        properties: bag,
      },
    },
    artifactLocation: {
      type: 'object',
      additionalProperties: false,
      properties: {
        uri: uriRef,
        uriBaseId: { type: 'string' },
        index: { type: 'integer', minimum: -1 },
        description: { $ref: '#/definitions/message' },
        properties: bag,
      },
    },
    region: {
      type: 'object',
      additionalProperties: false,
      properties: {
        startLine: positive,
        startColumn: positive,
        endLine: positive,
        endColumn: positive,
        message: { $ref: '#/definitions/message' },
        properties: bag,
      },
    },
    fix: {
      type: 'object',
      additionalProperties: false,
      required: ['artifactChanges'],
      properties: {
        description: { $ref: '#/definitions/message' },
        artifactChanges: { type: 'array', minItems: 1, uniqueItems: true, items: { $ref: '#/definitions/artifactChange' } },
        properties: bag,
      },
    },
    artifactChange: {
      type: 'object',
      additionalProperties: false,
      required: ['artifactLocation', 'replacements'],
      properties: {
        artifactLocation: { $ref: '#/definitions/artifactLocation' },
        replacements: { type: 'array', minItems: 1, items: { $ref: '#/definitions/replacement' } },
        properties: bag,
      },
    },
    replacement: {
      type: 'object',
      additionalProperties: false,
      required: ['deletedRegion'],
      properties: {
        deletedRegion: { $ref: '#/definitions/region' },
        insertedContent: { $ref: '#/definitions/artifactContent' },
        properties: bag,
      },
    },
    artifactContent: {
      type: 'object',
      additionalProperties: false,
      properties: { text: { type: 'string' }, binary: { type: 'string' }, properties: bag },
    },
    invocation: {
      type: 'object',
      additionalProperties: false,
      required: ['executionSuccessful'],
      properties: {
        executionSuccessful: { type: 'boolean' },
        toolExecutionNotifications: { type: 'array', minItems: 0, items: { $ref: '#/definitions/notification' } },
        properties: bag,
      },
    },
    notification: {
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: {
        locations: { type: 'array', minItems: 0, uniqueItems: true, items: { $ref: '#/definitions/location' } },
        message: { $ref: '#/definitions/message' },
        level,
        properties: bag,
      },
    },
    propertyBag: {
      type: 'object',
      additionalProperties: true,
      properties: { tags: { type: 'array', minItems: 0, uniqueItems: true, items: { type: 'string' } } },
    },
  },
} as const;

/** RFC 3986 URI with a scheme. */
export function isUri(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && isUriReference(s);
}

/** RFC 3986 URI-reference: only unreserved, reserved and well-formed %XX characters. */
export function isUriReference(s: string): boolean {
  return /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/.test(s);
}
