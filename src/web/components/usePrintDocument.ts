import { useEffect } from 'react';
import './print.css';

/** Marks the page as an A4 document while it is shown: printing leaves the app's navigation out (print.css). */
export function usePrintDocument(): void {
  useEffect(() => {
    document.body.classList.add('print-document');
    return () => document.body.classList.remove('print-document');
  }, []);
}
