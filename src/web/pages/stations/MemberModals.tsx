import { App, Checkbox, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AFFILIATIONS, POSITIONS, type Position } from '../../../modules/stations/composition.ts';
import { addDays, chinaDate } from '../../../modules/stations/duty-time.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  type Council,
  type Member,
  useAddMember,
  useAddTerm,
  useCandidates,
  useCeaseMember,
  useMoveMember,
} from './stationsApi.ts';

type Term = NonNullable<Council['term']>;
type Affiliation = (typeof AFFILIATIONS)[number];

/** A modal form with 保存 / 取消, its mutation's problem under the fields. */
function FormModal(props: {
  title: string;
  pending: boolean;
  error: Error | null;
  onOk: () => void;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={props.pending}
      onOk={props.onOk}
      onCancel={props.onClose}
      width={600}
    >
      <Form layout="vertical" component="div">
        {props.children}
      </Form>
      {props.error ? <ProblemAlert error={props.error} /> : null}
    </Modal>
  );
}

function DateField(props: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Form.Item label={props.label} htmlFor={props.id} required>
      <Input id={props.id} type="date" value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </Form.Item>
  );
}

/** A new term; by default it starts today, or the day after the last term ends when that is later. */
export function TermModal(props: {
  stationId: number;
  terms: Council['terms'];
  onCreated: (termId: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddTerm(props.stationId);
  const last = props.terms.at(-1);
  const start = last && last.endsOn >= chinaDate() ? addDays(last.endsOn, 1) : chinaDate();
  const [startsOn, setStart] = useState(start);
  const [endsOn, setEnd] = useState(`${Number(start.slice(0, 4)) + 3}${start.slice(4)}`);
  const [number, setNumber] = useState<number | null>(null);
  return (
    <FormModal
      title={t('council.council.addTerm')}
      pending={add.isPending}
      error={add.error}
      onClose={props.onClose}
      onOk={() =>
        add.mutate(
          { startsOn, endsOn, ...(number ? { number } : {}) },
          {
            onSuccess: (term) => {
              props.onCreated(term.id);
              props.onClose();
            },
          },
        )
      }
    >
      <Form.Item label={t('council.council.number')} htmlFor="term-number">
        <InputNumber id="term-number" min={1} max={999} value={number} onChange={setNumber} />
      </Form.Item>
      <DateField id="term-start" label={t('council.council.startsOn')} value={startsOn} onChange={setStart} />
      <DateField id="term-end" label={t('council.council.endsOn')} value={endsOn} onChange={setEnd} />
    </FormModal>
  );
}

/** Adds a member: find a resident (or account) of the station, or type a name; position and affiliations. */
export function MemberModal({
  stationId,
  term,
  onClose,
}: {
  stationId: number;
  term: Term;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddMember(stationId);
  const [q, setQ] = useState('');
  const candidates = useCandidates(stationId, useDeferredValue(q));
  const [picked, setPicked] = useState<number | null>(null);
  const person = picked === null ? null : (candidates.data?.[picked] ?? null);
  const [name, setName] = useState('');
  const [position, setPosition] = useState<Position | ''>('');
  const [affiliations, setAffiliations] = useState<Affiliation[]>([]);
  const [nominatedBy, setNominatedBy] = useState(() => t('council.council.defaultNominator'));
  const [nominatedOn, setNominatedOn] = useState('');
  const [joinedOn, setJoinedOn] = useState(term.startsOn);
  const submit = () =>
    add.mutate(
      {
        termId: term.id,
        ...(person
          ? {
              ...(person.residentId ? { residentId: person.residentId } : {}),
              ...(person.userId ? { userId: person.userId } : {}),
            }
          : { name: name.trim() }),
        position: position as Position,
        affiliations,
        ...(nominatedBy.trim() ? { nominatedBy: nominatedBy.trim() } : {}),
        ...(nominatedOn ? { nominatedOn } : {}),
        joinedOn,
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
      },
    );
  return (
    <FormModal
      title={t('council.council.addMember')}
      pending={add.isPending}
      error={add.error}
      onClose={onClose}
      onOk={submit}
    >
      <Form.Item
        label={t('council.council.search')}
        htmlFor="member-search"
        extra={t('council.council.searchHint')}
      >
        <Input
          id="member-search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPicked(null);
          }}
        />
      </Form.Item>
      {q.trim() && candidates.data ? (
        <fieldset>
          <legend>{t('council.council.results')}</legend>
          {candidates.data.length === 0 ? <p>{t('council.council.noResults')}</p> : null}
          <Radio.Group
            value={picked}
            onChange={(e) => setPicked(e.target.value as number)}
            options={candidates.data.map((c, i) => ({ value: i, label: `${c.name}（${c.hint}）` }))}
          />
        </fieldset>
      ) : null}
      <Form.Item label={t('council.council.name')} htmlFor="member-name" required>
        <Input
          id="member-name"
          maxLength={40}
          disabled={person !== null}
          value={person?.name ?? name}
          onChange={(e) => setName(e.target.value)}
        />
      </Form.Item>
      <p>
        {t('council.council.livesIn')}：
        {person ? (person.livesInCompound ? t('common.yes') : t('common.no')) : t('common.no')}
        <span className="hint">（{t('council.council.livesInHint')}）</span>
      </p>
      <NativeSelect
        label={t('council.council.position')}
        placeholder="—"
        required
        value={position}
        onChange={(v) => setPosition(v as Position | '')}
        options={POSITIONS.map((p) => ({ value: p, label: t(`council.position.${p}`) }))}
      />
      <fieldset>
        <legend>{t('council.council.affiliations')}</legend>
        <Checkbox.Group
          value={affiliations}
          onChange={(v) => setAffiliations(v as Affiliation[])}
          options={AFFILIATIONS.map((a) => ({ value: a, label: t(`council.affiliation.${a}`) }))}
        />
      </fieldset>
      <Form.Item label={t('council.council.nominatedBy')} htmlFor="member-nominated-by">
        <Input
          id="member-nominated-by"
          maxLength={100}
          value={nominatedBy}
          onChange={(e) => setNominatedBy(e.target.value)}
        />
      </Form.Item>
      <Form.Item label={t('council.council.nominatedOn')} htmlFor="member-nominated-on">
        <Input
          id="member-nominated-on"
          type="date"
          value={nominatedOn}
          onChange={(e) => setNominatedOn(e.target.value)}
        />
      </Form.Item>
      <DateField
        id="member-joined-on"
        label={t('council.council.joinedOn')}
        value={joinedOn}
        onChange={setJoinedOn}
      />
    </FormModal>
  );
}

export function MoveModal({
  stationId,
  member,
  onClose,
}: {
  stationId: number;
  member: Member;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const move = useMoveMember(stationId);
  const [position, setPosition] = useState<string>('');
  const [on, setOn] = useState(chinaDate());
  return (
    <FormModal
      title={t('council.council.moveOne', { name: member.name })}
      pending={move.isPending}
      error={move.error}
      onClose={onClose}
      onOk={() => move.mutate({ memberId: member.id, position, on }, { onSuccess: onClose })}
    >
      <NativeSelect
        label={t('council.council.newPosition')}
        placeholder="—"
        required
        value={position}
        onChange={setPosition}
        options={POSITIONS.filter((p) => p !== member.position).map((p) => ({
          value: p,
          label: t(`council.position.${p}`),
        }))}
      />
      <DateField id="move-on" label={t('council.council.on')} value={on} onChange={setOn} />
    </FormModal>
  );
}

export function CeaseModal({
  stationId,
  member,
  onClose,
}: {
  stationId: number;
  member: Member;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cease = useCeaseMember(stationId);
  const [leftOn, setLeftOn] = useState(chinaDate());
  const [reason, setReason] = useState('');
  return (
    <FormModal
      title={t('council.council.ceaseOne', { name: member.name })}
      pending={cease.isPending}
      error={cease.error}
      onClose={onClose}
      onOk={() =>
        cease.mutate({ memberId: member.id, leftOn, reason: reason.trim() }, { onSuccess: onClose })
      }
    >
      <DateField id="cease-on" label={t('council.council.leftOn')} value={leftOn} onChange={setLeftOn} />
      <Form.Item label={t('council.council.reason')} htmlFor="cease-reason" required>
        <Input id="cease-reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Form.Item>
    </FormModal>
  );
}
