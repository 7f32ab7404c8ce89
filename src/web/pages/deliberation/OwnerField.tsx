import { AutoComplete, Form } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingPeople } from './deliberationApi.ts';

/** An owner: a person with an account (who then sees and completes it), or a name typed freely. */
export interface Owner {
  name: string;
  userId: number | null;
}
export const NO_OWNER: Owner = { name: '', userId: null };

/** The owner for the API: the account when one was picked, the typed name either way. */
export const ownerInput = (o: Owner) => ({ ownerName: o.name.trim(), ownerUserId: o.userId });

/** The server names ownerName or ownerUserId; both land on the form's `owner` field. */
export const ownerFieldOf =
  <K extends string>(fields: readonly K[]) =>
  (path: string) => {
    const key = path.split('.')[0] ?? '';
    if (key === 'ownerName' || key === 'ownerUserId') return 'owner' as K;
    return fields.includes(key as K) ? (key as K) : undefined;
  };

/**
 * 负责人: picks one of the meeting's people (staff, council, those registered, signed in or in a group:
 * GET /meetings/:id/people) or takes a typed name (物业公司). The form field is named `owner`.
 */
export function OwnerField(props: { meetingId: number; label: string; requiredMessage: string }) {
  const { t } = useTranslation();
  const owner = Form.useWatch<Owner | undefined>('owner');
  return (
    <Form.Item
      name="owner"
      label={props.label}
      rules={[
        {
          validator: (_, v: Owner | undefined) =>
            v?.name.trim() ? Promise.resolve() : Promise.reject(new Error(props.requiredMessage)),
        },
      ]}
      extra={
        owner?.userId ? t('deliberation.owner.linked', { name: owner.name }) : t('deliberation.owner.free')
      }
    >
      <OwnerInput meetingId={props.meetingId} />
    </Form.Item>
  );
}

function OwnerInput(props: {
  meetingId: number;
  id?: string;
  value?: Owner;
  onChange?: (owner: Owner) => void;
}) {
  const { t } = useTranslation();
  const people = useMeetingPeople(props.meetingId);
  // antd reports a pick through onSelect and onChange, in either order: remember the pick.
  const picked = useRef<{ text: string; owner: Owner } | null>(null);
  const items = people.data?.items ?? [];
  const counts = new Map<string, number>();
  for (const p of items) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  const options = items.map((p) => {
    const why = p.why.map((w) => t(`deliberation.owner.why.${w}`)).join(t('common.listSeparator'));
    // Two people of one name are told apart by what they are to the meeting, then by their account.
    const text =
      (counts.get(p.name) ?? 0) > 1
        ? t('common.withNote', { text: p.name, note: `${why} · ${p.userId}` })
        : p.name;
    return {
      value: text,
      person: p,
      label: (
        <span>
          {p.name} <span className="hint">{why}</span>
        </span>
      ),
    };
  });
  return (
    <AutoComplete
      id={props.id}
      value={props.value?.name ?? ''}
      options={options}
      maxLength={100}
      filterOption={(input, option) => !!option && option.person.name.includes(input.trim())}
      onSelect={(text: string, option) => {
        const owner = { name: option.person.name, userId: option.person.userId };
        picked.current = { text, owner };
        props.onChange?.(owner);
      }}
      onChange={(text: string) => {
        const pick = picked.current;
        props.onChange?.(pick && pick.text === text ? pick.owner : { name: text, userId: null });
      }}
    />
  );
}
