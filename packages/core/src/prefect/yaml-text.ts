import { Document, Scalar, ScalarTag, visit } from "yaml";

/**
 * YAML text that means the same to a YAML 1.1 reader and a YAML 1.2 reader.
 *
 * `prefect deploy` loads prefect.yaml with PyYAML (`yaml.safe_load`, YAML 1.1), which reads plain
 * `on`, `NO`, `2024-01-01`, `1_000`, `1:20` or `=` as booleans, dates, numbers or a tag it cannot
 * construct, even as mapping keys; the `yaml` package writes for YAML 1.2 and leaves them unquoted.
 * Every string that either version would resolve to something else is double-quoted here; real
 * booleans and numbers stay plain, and floats in exponent form get the dot YAML 1.1 requires.
 */
export function yamlText(data: unknown): string {
  const doc = new Document(data, { customTags: (tags) => [EXPONENT_FLOAT, ...tags] });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && isAmbiguousPlainScalar(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/**
 * PyYAML's implicit resolvers (resolver.py, PyYAML 6), which decide what a plain scalar is under
 * YAML 1.1, and the YAML 1.2 core schema's. A string matching any of them must be quoted.
 */
const IMPLICIT_NON_STRINGS: readonly RegExp[] = [
  // YAML 1.1 (PyYAML): bool, float, int, merge, null, timestamp, value.
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^<<$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
  /^=$/,
  // Other YAML 1.1 readers (the `yaml` package's 1.1 schema among them) also take y/n as booleans.
  /^[yYnN]$/,
  // YAML 1.2 core: int (octal 0o, hex 0x) and float (exponent without a dot, no sign needed).
  /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
];

/** Whether `value`, written as a plain scalar, would be read as anything but this string. */
export function isAmbiguousPlainScalar(value: string): boolean {
  return IMPLICIT_NON_STRINGS.some((re) => re.test(value));
}

/**
 * Floats that JavaScript prints in exponent form (`1e-7`, `1e+21`) are strings to PyYAML, whose
 * float pattern needs a dot and a signed exponent: write `1.0e-7`, which both versions read as the number.
 */
const EXPONENT_FLOAT: ScalarTag = {
  tag: "tag:yaml.org,2002:float",
  default: true,
  identify: (value) => typeof value === "number" && Number.isFinite(value) && /e/i.test(String(value)),
  // Only used to write: reading goes through the standard float tags.
  test: /^(?!)$/,
  resolve: (source: string) => Number(source),
  stringify: (item) => {
    const [mantissa, exponent] = Number((item as Scalar).value).toExponential().split("e");
    return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}e${/^[-+]/.test(exponent) ? exponent : `+${exponent}`}`;
  },
};
