import type { Child } from 'hono/jsx';

/** A column heading of a ScrollTable; `class` marks e.g. the `row-actions` column that stays in view. */
export type Column = Child | { label: Child; class: string };

/** What a ScrollTable shows: its columns, its items and how one item becomes a `<tr>`. */
export interface ScrollTableProps<T> {
  columns: Column[];
  items: readonly T[];
  row: (item: T) => Child;
  /** Shown as a paragraph instead of the table when there are no items; without it, an empty table. */
  empty?: Child;
  /** A class on the `<table>` itself (a hook for tests or styles). */
  tableClass?: string;
}

function isClassedColumn(column: Column): column is { label: Child; class: string } {
  return typeof column === 'object' && column !== null && 'class' in column && 'label' in column;
}

/**
 * A table inside `<div class="table-wrap" tabindex="0">`: it scrolls sideways on a phone instead of
 * widening the page, and the tabindex lets a keyboard scroll it (axe's scrollable-region rule).
 * @example <ScrollTable columns={['Name', 'Status']} items={rows} row={(r) => <tr>…</tr>} />
 */
export function ScrollTable<T>(props: ScrollTableProps<T>): Child {
  if (props.empty !== undefined && props.items.length === 0) return <p>{props.empty}</p>;
  return (
    <div class="table-wrap" tabindex={0}>
      <table class={props.tableClass}>
        <thead>
          <tr>
            {props.columns.map((column) =>
              isClassedColumn(column) ? (
                <th scope="col" class={column.class}>
                  {column.label}
                </th>
              ) : (
                <th scope="col">{column}</th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{props.items.map((item) => props.row(item))}</tbody>
      </table>
    </div>
  );
}

/** The button under an organizer list's heading that starts a new one ("New letter"). */
export interface ListAction {
  href: string;
  label: string;
}

/**
 * An organizer list page (letters, days, bills, officials…): the heading, an optional introduction,
 * the page's main action as a button, whatever sits above the table (filters, a count), then the
 * scrolling table (or the `empty` sentence when there is nothing to list).
 */
export function AdminListPage<T>(
  props: ScrollTableProps<T> & { title: string; intro?: Child; action?: ListAction; children?: Child },
): Child {
  return (
    <>
      <h1>{props.title}</h1>
      {props.intro === undefined ? null : <p>{props.intro}</p>}
      {props.action ? (
        <p>
          <a href={props.action.href} role="button">
            {props.action.label}
          </a>
        </p>
      ) : null}
      {props.children}
      <ScrollTable
        columns={props.columns}
        items={props.items}
        row={props.row}
        empty={props.empty}
        tableClass={props.tableClass}
      />
    </>
  );
}
