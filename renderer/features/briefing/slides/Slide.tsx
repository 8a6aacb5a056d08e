/** The slide of a spec (shared/briefing/slides.ts): one component per kind. */
import type { SlideProps } from './SlideFrame.tsx';
import { BarsSlide } from './BarsSlide.tsx';
import { CoverageSlide } from './CoverageSlide.tsx';
import { EquitySlide } from './EquitySlide.tsx';
import { GroupSlide } from './GroupSlide.tsx';
import { OverviewSlide } from './OverviewSlide.tsx';
import { ProgrammeSlide } from './ProgrammeSlide.tsx';
import { ProposalsSlide } from './ProposalsSlide.tsx';
import { SourcesSlide } from './SourcesSlide.tsx';
import { TimelineSlide } from './TimelineSlide.tsx';
import { TitleSlide } from './TitleSlide.tsx';
import './slides.css';

export function Slide(p: SlideProps) {
  switch (p.spec.kind) {
    case 'title':
      return <TitleSlide {...p} />;
    case 'overview':
      return <OverviewSlide {...p} />;
    case 'group':
      return <GroupSlide {...p} />;
    case 'bars':
      return <BarsSlide {...p} />;
    case 'coverage':
      return <CoverageSlide {...p} />;
    case 'equity':
      return <EquitySlide {...p} />;
    case 'proposals':
      return <ProposalsSlide {...p} />;
    case 'programme':
      return <ProgrammeSlide {...p} />;
    case 'timeline':
      return <TimelineSlide {...p} />;
    case 'sources':
      return <SourcesSlide {...p} />;
  }
}

export type { SlideProps } from './SlideFrame.tsx';
