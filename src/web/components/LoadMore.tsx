import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** "加载更多" under a cursor-paged list, while there is a next page. */
export function LoadMore(props: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  block?: boolean;
}) {
  const { t } = useTranslation();
  if (!props.pages.hasNextPage) return null;
  return (
    <Button
      block={props.block}
      loading={props.pages.isFetchingNextPage}
      onClick={() => void props.pages.fetchNextPage()}
    >
      {t('common.loadMore')}
    </Button>
  );
}
