/**
 * A desktop-style menu bar: click a title to open its menu, hover moves between open menus, items
 * with ▸ open a submenu on hover, Esc or a click outside closes.
 */
import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../../ui/useDismiss.ts';
import './menu.css';

export interface MenuItem {
  id: string;
  label: string;
  shortcut?: string;
  disabled?: boolean;
  title?: string;
  onSelect?(): void;
  submenu?: MenuEntry[];
}
export type MenuEntry = MenuItem | { separator: true; id: string };
export interface MenuSpec {
  id: string;
  label: string;
  items: MenuEntry[];
}

const isSep = (e: MenuEntry): e is { separator: true; id: string } => 'separator' in e;

export function MenuBar({ menus }: { menus: MenuSpec[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(null), []);
  useDismiss(ref, open !== null, close);
  return (
    <div className="menubar" role="menubar" ref={ref}>
      {menus.map((m) => (
        <div key={m.id} className="menu-root">
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === m.id}
            className={`menu-title${open === m.id ? ' is-open' : ''}`}
            onClick={() => setOpen((o) => (o === m.id ? null : m.id))}
            onMouseEnter={() => {
              if (open && open !== m.id) setOpen(m.id);
            }}
            data-testid={`menu-${m.id}`}
          >
            {m.label}
          </button>
          {open === m.id && <MenuList items={m.items} onDone={close} testId={`menu-${m.id}-list`} />}
        </div>
      ))}
    </div>
  );
}

function MenuList({ items, onDone, testId, sub }: { items: MenuEntry[]; onDone(): void; testId: string; sub?: boolean }) {
  return (
    <div className={`menu-list${sub ? ' is-sub' : ''}`} role="menu" data-testid={testId}>
      {items.map((it) =>
        isSep(it) ? (
          <hr key={it.id} className="menu-sep" />
        ) : (
          <div key={it.id} className={`menu-entry${it.submenu ? ' has-sub' : ''}`}>
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              disabled={it.disabled}
              title={it.title}
              aria-haspopup={it.submenu ? 'menu' : undefined}
              data-testid={`menuitem-${it.id}`}
              onClick={() => {
                if (it.submenu) return;
                onDone();
                it.onSelect?.();
              }}
            >
              <span className="menu-label">{it.label}</span>
              {it.shortcut && <span className="menu-shortcut">{it.shortcut}</span>}
              {it.submenu && <span className="menu-arrow">▸</span>}
            </button>
            {it.submenu && !it.disabled && <MenuList items={it.submenu} onDone={onDone} testId={`menuitem-${it.id}-list`} sub />}
          </div>
        ),
      )}
    </div>
  );
}
