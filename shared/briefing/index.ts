/** 汇报材料 (pure): the briefing's data model, its slide plan, and the static map it draws. */
export type * from './model.ts';
export { planSlides, SOURCES_PER_SLIDE, type SlideSpec, TARGETS_PER_SLIDE } from './slides.ts';
export { briefMap, type MapUnit, mapSvg } from './svg-map.ts';
