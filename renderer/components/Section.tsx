import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** One part of a screen: a titled card with a sentence saying what it is for. */
export function Section(props: { title: string; body?: string; children: ReactNode; testId: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={props.testId}>
      <Typography variant="h6" component="h3">
        {props.title}
      </Typography>
      {props.body && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {props.body}
        </Typography>
      )}
      {props.children}
    </Paper>
  );
}
