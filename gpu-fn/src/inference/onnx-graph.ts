/** Builds ONNX models in memory with onnx-proto: constants, operators, inputs and outputs. */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const A = onnx.AttributeProto.AttributeType;
const T = onnx.TensorProto.DataType;

/** The opset our graphs are written against (Clip/Unsqueeze take inputs, ReduceMean an attribute). */
export const OPSET = 17;

/** An operator attribute, typed because ONNX distinguishes ints from floats. */
export type Attr =
  | { name: string; i: number }
  | { name: string; f: number }
  | { name: string; ints: number[] }
  | { name: string; s: string };

type Dim = number | string;

function attribute(a: Attr): onnxProto.onnx.IAttributeProto {
  if ('i' in a) return { name: a.name, type: A.INT, i: a.i };
  if ('f' in a) return { name: a.name, type: A.FLOAT, f: a.f };
  if ('ints' in a) return { name: a.name, type: A.INTS, ints: a.ints };
  return { name: a.name, type: A.STRING, s: new TextEncoder().encode(a.s) };
}

function valueInfo(name: string, dims: Dim[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: T.FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

/** Accumulates a graph; every helper returns the name of the value it produces. */
export class GraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private counter = 0;

  /** A float32 constant (weights, biases, noise), stored as raw little-endian bytes. */
  float(name: string, data: Float32Array, dims: number[]): string {
    const n = dims.reduce((a, b) => a * b, 1);
    if (n !== data.length) throw new Error(`constant ${name}: ${data.length} values for shape [${dims}]`);
    const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.initializers.push({ name, dataType: T.FLOAT, dims, rawData: raw });
    return name;
  }

  /** An int64 constant (indices, axes). */
  int64(name: string, values: number[], dims: number[] = [values.length]): string {
    const data = BigInt64Array.from(values.map(BigInt));
    this.initializers.push({ name, dataType: T.INT64, dims, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  /** A float32 graph input; string dims are symbolic (e.g. the batch). */
  input(name: string, dims: Dim[]): string {
    this.inputs.push(valueInfo(name, dims));
    return name;
  }

  /** Declares `value` a graph output. */
  output(value: string, dims: Dim[]): void {
    this.outputs.push(valueInfo(value, dims));
  }

  /** Adds one operator; returns its (first) output's name, `out` if given. */
  op(opType: string, inputs: string[], attrs: Attr[] = [], out?: string): string {
    const name = out ?? `${opType.toLowerCase()}_${this.counter++}`;
    this.nodes.push({ opType, input: inputs, output: [name], name, attribute: attrs.map(attribute) });
    return name;
  }

  /** Serialises the model (ONNX IR 8, default domain at OPSET). */
  toBytes(graphName: string, docString = ''): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: 'checkface',
      docString,
      opsetImport: [{ domain: '', version: OPSET }],
      graph: { name: graphName, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}
