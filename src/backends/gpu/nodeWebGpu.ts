/**
 * WebGPU in Node for gpu.js's `webgpu` mode: Dawn through the `webgpu` npm package
 * (gpujs.md §3.1). gpu.js only reads `navigator.gpu`, which Node lacks, and asks it for
 * an adapter without options; this module finds an adapter with Dawn and installs a
 * `navigator.gpu` that hands out that kind of adapter.
 *
 * Adapters, in order:
 * 1. a hardware adapter from Dawn's default backends (Vulkan, Metal, D3D12), the one
 *    that can make the gpu backend fast;
 * 2. otherwise a software adapter: Dawn's OpenGL ES backend on Mesa's llvmpipe through
 *    EGL, which needs `EGL_PLATFORM=surfaceless` (set here if unset) and a
 *    `featureLevel: 'compatibility'` adapter (Dawn exposes GL only so). It is correct
 *    but slower than the cpu backend: `backend: 'auto'` never picks it, an explicit
 *    `gpu: { mode: 'webgpu' }` may use it.
 *
 * Loaded lazily (the backend imports this module only in Node, when the webgpu mode is
 * asked for or `auto` probes), and `webgpu` is imported through a variable specifier so
 * bundlers leave it out of browser builds. Dawn writes its own notes to stderr
 * ("Couldn't load Vulkan", "... artificially reduced"); they are harmless.
 */

/** Names that mark a software rasteriser posing as a GPU. */
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|warp|basic render/i;

/** The parts of a Dawn adapter used here. */
interface DawnAdapter {
  readonly info?: { readonly vendor?: string; readonly architecture?: string; readonly device?: string; readonly description?: string; readonly isFallbackAdapter?: boolean };
  readonly isFallbackAdapter?: boolean;
}

/** A Dawn instance (`create(flags)` of the `webgpu` package). */
interface DawnGpu {
  requestAdapter(options?: Record<string, unknown>): Promise<DawnAdapter | null>;
  readonly wgslLanguageFeatures?: unknown;
}

/** The `webgpu` package's exports. */
interface WebGpuPackage {
  create(flags: string[]): DawnGpu;
  globals: Record<string, unknown>;
}

/** One kind of adapter Dawn offers here. */
export interface NodeAdapterChoice {
  /** a software rasteriser (llvmpipe, SwiftShader) rather than a GPU */
  readonly software: boolean;
  /** e.g. 'llvmpipe-llvm-15-0-6-256-bits (OpenGL ES 3.2 Mesa 22.3.6, Dawn OpenGL ES, compatibility)' */
  readonly description: string;
  /** the Dawn instance and the options that give this adapter */
  readonly gpu: DawnGpu;
  readonly options: Readonly<Record<string, unknown>>;
}

/** What Dawn offers in this process. */
export interface NodeWebGpuProbe {
  /** a hardware adapter, or null */
  readonly hardware: NodeAdapterChoice | null;
  /** the software (llvmpipe) adapter, or null */
  readonly software: NodeAdapterChoice | null;
  /** why an adapter is missing (package not loading, no driver, no EGL), for messages */
  readonly notes: readonly string[];
}

/** True in Node (and Node-like runtimes), false in a browser. */
export function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string' && typeof (globalThis as { window?: unknown }).window === 'undefined';
}

/** A readable adapter description; `software` when flagged as a fallback or named like a rasteriser. */
export function describeAdapter(adapter: DawnAdapter, via: string): { description: string; software: boolean } {
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.device].filter((s) => s).join(' ').replace(/-+$/, '') || 'unnamed adapter';
  const description = info.description ? `${name} (${info.description}${via ? `, ${via}` : ''})` : via ? `${name} (${via})` : name;
  const software = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false) || SOFTWARE.test(`${name} ${info.description ?? ''}`);
  return { description, software };
}

let probed: Promise<NodeWebGpuProbe> | null = null;

/** Asks Dawn for a hardware and a software adapter (once per process). Never throws. */
export function probeNodeWebGpu(): Promise<NodeWebGpuProbe> {
  probed ??= probe();
  return probed;
}

async function probe(): Promise<NodeWebGpuProbe> {
  const notes: string[] = [];
  let pkg: WebGpuPackage;
  try {
    const specifier = 'webgpu';
    pkg = (await import(/* @vite-ignore */ specifier)) as WebGpuPackage;
  } catch (e) {
    notes.push(`the 'webgpu' package (Dawn) did not load: ${(e as Error).message}`);
    return { hardware: null, software: null, notes };
  }
  // GPUBufferUsage, GPUMapMode, ... as in a browser (gpu.js uses them); never overwrite.
  for (const [name, value] of Object.entries(pkg.globals)) {
    if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  let hardware: NodeAdapterChoice | null = null;
  let software: NodeAdapterChoice | null = null;
  try {
    const gpu = pkg.create([]);
    const options = { powerPreference: 'high-performance' };
    const adapter = await gpu.requestAdapter(options);
    if (adapter) {
      const d = describeAdapter(adapter, 'Dawn');
      const choice = { ...d, gpu, options };
      if (d.software) software = choice;
      else hardware = choice;
    } else notes.push("Dawn's default backends (Vulkan) found no adapter");
  } catch (e) {
    notes.push(`Dawn's default backends failed: ${(e as Error).message}`);
  }
  if (software === null) {
    const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
    env.EGL_PLATFORM ??= 'surfaceless';
    try {
      const gpu = pkg.create(['backend=opengles']);
      const options = { featureLevel: 'compatibility' };
      const adapter = await gpu.requestAdapter(options);
      if (adapter) {
        const d = describeAdapter(adapter, 'Dawn OpenGL ES, compatibility');
        // Dawn's GL path here runs on Mesa's llvmpipe: software whatever the flag says.
        software = { description: d.description, software: true, gpu, options };
      } else {
        notes.push(
          "Dawn's OpenGL ES backend found no adapter: it needs Mesa's EGL and llvmpipe " +
            '(Debian: libegl1 libegl-mesa0 libgl1-mesa-dri, installed with the chromium package)',
        );
      }
    } catch (e) {
      notes.push(`Dawn's OpenGL ES backend failed: ${(e as Error).message}`);
    }
  }
  return { hardware, software, notes };
}

/**
 * Installs `navigator.gpu` for gpu.js: hardware when Dawn has it, else the software
 * adapter if `allowSoftware`. Leaves an existing `navigator.gpu` alone. Returns the
 * adapter's description, or throws an Error that lists what was missing.
 */
export async function installNodeWebGpu(allowSoftware: boolean): Promise<NodeAdapterChoice | null> {
  const nav = (globalThis as { navigator?: { gpu?: unknown } }).navigator;
  if (nav?.gpu) return null;
  const found = await probeNodeWebGpu();
  const choice = found.hardware ?? (allowSoftware ? found.software : null);
  if (choice === null) {
    const why = found.software !== null ? [`only a software adapter: ${found.software.description}`] : found.notes;
    throw new Error(`no WebGPU adapter in Node: ${why.join('; ')}`);
  }
  const gpu = {
    // A fresh adapter per request: an adapter serves one device.
    requestAdapter: (options: Record<string, unknown> = {}) => choice.gpu.requestAdapter({ ...choice.options, ...options }),
    getPreferredCanvasFormat: () => 'rgba8unorm',
    get wgslLanguageFeatures() {
      return choice.gpu.wgslLanguageFeatures;
    },
  };
  if (nav) Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true, writable: true });
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  return choice;
}
