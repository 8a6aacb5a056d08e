/**
 * The SVG map as a PNG: drawn into a canvas (the machine's own fonts), with a title above and the
 * legend below, for the dashboard's 导出 PNG and the PPTX deck's map image.
 */
import type { LegendItem } from './BriefMapSvg.tsx';

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** An inline <svg> as a standalone SVG document of its view box's size. */
export function serializeSvg(el: SVGSVGElement): { svg: string; width: number; height: number } {
  const vb = el.viewBox.baseVal;
  const clone = el.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('width', String(vb.width));
  clone.setAttribute('height', String(vb.height));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return { svg: new XMLSerializer().serializeToString(clone), width: vb.width, height: vb.height };
}

async function loadImage(svg: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.decoding = 'async';
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  return img;
}

export interface PngOptions {
  /** Pixels per map unit (default 2). */
  scale?: number;
  title?: string;
  legend?: LegendItem[];
}

/** The picture as a PNG data URL (white behind it). */
export async function svgToPng(svg: string, width: number, height: number, opts: PngOptions = {}): Promise<string> {
  const k = opts.scale ?? 2;
  // Type in proportion to the picture, so that the legend reads wherever the picture is placed.
  const font = Math.max(16, width / 40);
  const pad = font;
  const titleH = opts.title ? font * 2 : 0;
  const legendH = opts.legend?.length ? font * 2 : 0;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * k);
  canvas.height = Math.round((height + titleH + legendH) * k);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(k, k);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height + titleH + legendH);
  if (opts.title) {
    ctx.fillStyle = '#1f2933';
    ctx.font = `600 ${font * 1.1}px ${FONT}`;
    ctx.textBaseline = 'middle';
    ctx.fillText(opts.title, pad, titleH / 2 + 4, width - 2 * pad);
  }
  const img = await loadImage(svg);
  ctx.drawImage(img, 0, titleH, width, height);
  if (opts.legend?.length) {
    ctx.font = `${font}px ${FONT}`;
    ctx.textBaseline = 'middle';
    let x = pad;
    const y = titleH + height + legendH / 2;
    for (const item of opts.legend) {
      ctx.fillStyle = item.colour;
      ctx.fillRect(x, y - font / 2, font, font);
      ctx.strokeStyle = '#9aa5b1';
      ctx.lineWidth = 0.5;
      ctx.strokeRect(x, y - font / 2, font, font);
      x += font * 1.4;
      ctx.fillStyle = '#3e4c59';
      ctx.fillText(item.label, x, y);
      x += ctx.measureText(item.label).width + font * 1.5;
    }
  }
  return canvas.toDataURL('image/png');
}
