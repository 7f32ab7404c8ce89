import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZClosed,
  ZCreateDrive,
  ZDonorPage,
  ZDrive,
  ZDriveHouseholdPage,
  ZDrivePage,
  ZHandedOver,
  ZHandoverPage,
  ZPaid,
  ZPaymentPage,
  ZPendingCash,
  ZPledged,
  ZReceipt,
} from '../../../modules/fund/crowdfunding.schema.ts';
import { api } from '../../api/client.ts';
import { useCursorPages } from '../../api/cursorPages.ts';

export type DrivePage = z.output<typeof ZDrivePage>;
export type DriveSummary = DrivePage['items'][number];
export type Drive = z.output<typeof ZDrive>;
export type BuildingProgress = Drive['progress']['byBuilding'][number];
export type MyHousehold = Drive['myHouseholds'][number];
export type CreateDriveInput = z.input<typeof ZCreateDrive>;
export type Payment = z.output<typeof ZPaymentPage>['items'][number];
export type Donor = z.output<typeof ZDonorPage>['items'][number];
export type DriveHousehold = z.output<typeof ZDriveHouseholdPage>['items'][number];
export type PendingCash = z.output<typeof ZPendingCash>;
export type Collector = PendingCash['collectors'][number];
export type Handover = z.output<typeof ZHandoverPage>['items'][number];
export type Paid = z.output<typeof ZPaid>;
export type Receipt = z.output<typeof ZReceipt>;
export type Closed = z.output<typeof ZClosed>;
export type DonorShown = Drive['myHouseholds'][number]['shown'] & string;
export type PaymentMethod = Paid['method'];

export { DONOR_SHOWN } from '../../../modules/fund/fund-kinds.ts';

/** Every crowdfunding query starts with this key, so any change refreshes them all. */
const KEY = ['crowdfunding'] as const;

export function useDrives(stationId: number | null) {
  return useQuery({
    queryKey: [...KEY, 'station', stationId],
    enabled: stationId !== null,
    queryFn: ({ signal }) => api<DrivePage>(`/stations/${stationId}/crowdfunding`, { signal }),
  });
}

export function useDrive(id: number) {
  return useQuery({
    queryKey: [...KEY, 'drive', id],
    retry: false,
    queryFn: ({ signal }) => api<Drive>(`/crowdfunding/${id}`, { signal }),
  });
}

export const usePayments = (driveId: number, mine: boolean, enabled: boolean) =>
  useCursorPages<Payment>({
    queryKey: [...KEY, 'payments', driveId, mine],
    path: `/crowdfunding/${driveId}/payments`,
    query: { mine: String(mine) },
    enabled,
  });

export const useDonors = (driveId: number) =>
  useCursorPages<Donor>({ queryKey: [...KEY, 'donors', driveId], path: `/crowdfunding/${driveId}/donors` });

export const useDriveHouseholds = (driveId: number, q: string, enabled: boolean) =>
  useCursorPages<DriveHousehold>({
    queryKey: [...KEY, 'households', driveId, q],
    path: `/crowdfunding/${driveId}/households`,
    query: { q: q || undefined, limit: 20 },
    enabled,
  });

export function usePendingCash(driveId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'cash', driveId],
    enabled,
    queryFn: ({ signal }) => api<PendingCash>(`/crowdfunding/${driveId}/cash`, { signal }),
  });
}

export const useHandovers = (driveId: number, enabled: boolean) =>
  useCursorPages<Handover>({
    queryKey: [...KEY, 'handovers', driveId],
    path: `/crowdfunding/${driveId}/handovers`,
    enabled,
  });

export function useReceipt(paymentId: number) {
  return useQuery({
    queryKey: [...KEY, 'receipt', paymentId],
    retry: false,
    queryFn: ({ signal }) => api<Receipt>(`/crowdfunding-payments/${paymentId}/receipt`, { signal }),
  });
}

/** A change to crowdfunding: refreshes every crowdfunding query and the fund's balances and ledger. */
function useCrowdfundingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: KEY }),
        client.invalidateQueries({ queryKey: ['fund'] }),
      ]);
    },
  });
}

export const useCreateDrive = (stationId: number) =>
  useCrowdfundingMutation((body: CreateDriveInput) =>
    api<{ id: number; accountId: number }>(`/stations/${stationId}/crowdfunding`, {
      method: 'POST',
      body: body as Record<string, unknown>,
    }),
  );

export const usePledge = (driveId: number) =>
  useCrowdfundingMutation((body: { householdId: number; amountFen: number; shown: DonorShown }) =>
    api<z.output<typeof ZPledged>>(`/crowdfunding/${driveId}/pledges`, { method: 'POST', body }),
  );

export const usePay = (driveId: number) =>
  useCrowdfundingMutation(
    (body: {
      householdId: number;
      amountFen: number;
      method: PaymentMethod;
      payerName: string;
      shown: DonorShown;
    }) => api<Paid>(`/crowdfunding/${driveId}/payments`, { method: 'POST', body }),
  );

export const useConfirmHandover = (driveId: number) =>
  useCrowdfundingMutation((body: { collectorId: number; paymentIds: number[] }) =>
    api<z.output<typeof ZHandedOver>>(`/crowdfunding/${driveId}/handovers`, { method: 'POST', body }),
  );

export const useCloseDrive = (driveId: number) =>
  useCrowdfundingMutation(() => api<Closed>(`/crowdfunding/${driveId}/close`, { method: 'POST', body: {} }));
