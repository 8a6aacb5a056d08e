/** 汇报材料 (pure): the briefing's data model, its slide plan, and the static map it draws. */
export type * from './model.ts';
export {
  type BriefProgramme,
  briefProgramme,
  PROGRAMME_ROWS,
  type ProgrammeOutcome,
  programmeOutcome,
  type ProgrammeProject,
  type ProgrammeRecord,
  type ProgrammeRow,
  programmeRows,
  type ProgrammeSchedule,
  programmeSchedule,
  type ProgrammeYear,
} from './programme.ts';
export { EQUITY_SLIDES, planSlides, SOURCES_PER_SLIDE, type SlideSpec, TARGETS_PER_SLIDE } from './slides.ts';
export { areaPaths, briefMap, type MapUnit, mapSvg } from './svg-map.ts';
