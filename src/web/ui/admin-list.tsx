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
  /** The table's `<caption>`, where the page has no heading that names it. */
  caption?: Child;
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
        {props.caption === undefined ? null : <caption>{props.caption}</caption>}
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

/** One column of a DataTable: its heading and how one item fills its cell. */
export interface DataColumn<T> {
  label: Child;
  cell: (item: T) => Child;
  /** The cell that names the row, written as `<th scope="row">` (one a table, usually the first). */
  rowHeader?: boolean;
  /** A class on the heading and every cell of the column (`row-actions` keeps it in view). */
  class?: string;
}

/** What a DataTable shows: its columns and items (`empty` and `tableClass` as in ScrollTable). */
export interface DataTableProps<T> extends Omit<ScrollTableProps<T>, 'columns' | 'row'> {
  columns: DataColumn<T>[];
  /** An id for each row, where other pages link to a row (`#organizer-…`). */
  rowId?: (item: T) => string;
  /** `data-*` attributes for each row (`{ state: 'due' }` becomes `data-state="due"`), for tests and styles. */
  rowData?: (item: T) => Record<string, string>;
  row?: never;
}

/**
 * A ScrollTable described by its columns: each column says its heading and its cell, so a page
 * lists what it shows instead of writing the `<thead>` and `<tr>` markup again.
 * @example <DataTable columns={[{ label: 'Name', cell: (r) => r.name, rowHeader: true }]} items={rows} />
 */
export function DataTable<T>(props: DataTableProps<T>): Child {
  return (
    <ScrollTable
      columns={props.columns.map((column) =>
        column.class === undefined ? column.label : { label: column.label, class: column.class },
      )}
      items={props.items}
      empty={props.empty}
      tableClass={props.tableClass}
      caption={props.caption}
      row={(item) => (
        <tr id={props.rowId?.(item)} {...dataAttributes(props.rowData?.(item))}>
          {props.columns.map((column) => dataCell(column, item))}
        </tr>
      )}
    />
  );
}

function dataAttributes(data: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([name, value]) => [`data-${name}`, value]));
}

function dataCell<T>(column: DataColumn<T>, item: T): Child {
  return column.rowHeader ? (
    <th scope="row" class={column.class}>
      {column.cell(item)}
    </th>
  ) : (
    <td class={column.class}>{column.cell(item)}</td>
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
  props: (ScrollTableProps<T> | DataTableProps<T>) & {
    title: string;
    intro?: Child;
    action?: ListAction;
    children?: Child;
  },
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
      {props.row === undefined ? (
        <DataTable
          columns={props.columns}
          items={props.items}
          empty={props.empty}
          tableClass={props.tableClass}
        />
      ) : (
        <ScrollTable
          columns={props.columns}
          items={props.items}
          row={props.row}
          empty={props.empty}
          tableClass={props.tableClass}
        />
      )}
    </>
  );
}
