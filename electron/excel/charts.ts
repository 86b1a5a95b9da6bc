/**
 * SVG to PNG without a browser: resvg (Rust, compiled to WebAssembly, so one package serves every
 * platform electron-builder packs for) with Noto Sans Arabic from the package folder, so a chart
 * looks the same on any PC and nothing is fetched. resvg shapes Arabic and orders mixed text.
 */
import { readFileSync } from 'node:fs';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { CHART_FONT } from '../../db/core/charts';

let ready: Promise<Uint8Array[]> | undefined;

function prepare(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    const font = (weight: string) =>
      readFileSync(require.resolve(`@expo-google-fonts/noto-sans-arabic/${weight}/NotoSansArabic_${weight}.ttf`));
    return [font('400Regular'), font('700Bold')];
  })();
  return ready;
}

/** A PNG of an SVG at `scale` times its size (2 prints sharply at the size it is placed). */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const fontBuffers = await prepare();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontBuffers, defaultFontFamily: CHART_FONT, loadSystemFonts: false },
  });
  const image = resvg.render();
  try {
    return Buffer.from(image.asPng());
  } finally {
    image.free();
    resvg.free();
  }
}
