/** A drop-down made of <details> closes when one clicks elsewhere. */
import { useEffect, type RefObject } from 'react';

export function useDetailsDismiss(box: RefObject<HTMLDetailsElement | null>): void {
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (box.current?.open && !box.current.contains(e.target as Node)) box.current.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [box]);
}
