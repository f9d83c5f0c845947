import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session';
import { directoryQuery } from '../submissions/submission-queries';

/** The community a secretary acts for: the one their account names, or a choice among several. */
export function useMyCommunity() {
  const { t } = useTranslation();
  const session = useSession();
  const ids = session.user.scope.communityIds ?? [];
  const [chosen, setChosen] = useState<string | undefined>(ids[0]);
  const directory = useQuery(directoryQuery);
  const name = (id: string) => directory.data?.items.find((entry) => entry.communityId === id)?.name ?? id;
  const picker =
    ids.length > 1 ? (
      <Select
        aria-label={t('community.community')}
        value={chosen}
        onChange={setChosen}
        style={{ minWidth: 160 }}
        options={ids.map((id) => ({ value: id, label: name(id) }))}
      />
    ) : null;
  return { communityId: chosen, communityName: chosen ? name(chosen) : '', picker };
}
