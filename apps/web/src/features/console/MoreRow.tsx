import { Button, Table } from '@mantine/core';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';

type PageInfo = { hasNextPage: boolean; endCursor?: string | null };

/**
 * The last row of a paged staff table: "Show more" while the connection has a next page (only under
 * the last page loaded, `last`), asking for the page after its end cursor.
 */
export function MoreRow({
  last,
  pageInfo,
  colSpan,
  onMore,
}: {
  last: boolean;
  pageInfo: PageInfo;
  colSpan: number;
  onMore: (after: string) => void;
}) {
  const { t } = useFeatureTranslation('console');
  const after = pageInfo.endCursor;
  if (!last || !pageInfo.hasNextPage || !after) return null;
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Button variant="default" onClick={() => onMore(after)}>
          {t('home.more')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
