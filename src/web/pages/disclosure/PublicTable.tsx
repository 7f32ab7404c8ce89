import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A part of a public page or statement under its own heading. */
export function PublicSection(props: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <section className={props.className} aria-labelledby={props.id}>
      <h2 id={props.id} className="section-title">
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/** A table's column headings: the text columns, then the amounts (right-aligned). */
export function TableHead({ text, num }: { text: string[]; num: string[] }) {
  return (
    <thead>
      <tr>
        {text.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
        {num.map((label) => (
          <th key={label} scope="col" className="num">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A row naming an amount; `skip` empty cells stand between (under other amount columns). */
export function SumRow({ label, amount, skip = 0 }: { label: ReactNode; amount: string; skip?: number }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {Array.from({ length: skip }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: empty cells, only ever in this order
        <td key={i} />
      ))}
      <td className="num">{amount}</td>
    </tr>
  );
}

/** The table's 合计 row. */
export function TotalFoot({ amount, skip }: { amount: string; skip?: number }) {
  const { t } = useTranslation();
  return (
    <tfoot>
      <SumRow label={t('disclosure.total')} amount={amount} skip={skip} />
    </tfoot>
  );
}
