import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath, Trash, Users } from "@medusajs/icons"
import { Container, Heading, IconButton, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useDeleteSegment, useRefreshSegment, useSegments } from "../../hooks/segments"
import { CreateSegment } from "../../components/segments/create-segment"
import { Members } from "../../components/segments/members-drawer"
import { describeSegment, RULE_LABELS } from "../../components/segments/rules"

const SegmentsPage = () => {
  const { data, isLoading } = useSegments()
  const refresh = useRefreshSegment()
  const remove = useDeleteSegment()
  const [selected, setSelected] = useState<string | null>(null)
  const segments = data?.segments ?? []
  const current = segments.find((s) => s.id === selected) ?? null
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="p-0" data-testid="segments">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Segments</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Each segment is a customer group price lists and promotions can target. Members follow orders on every
              channel as they happen, and every segment is recomputed nightly.
            </Text>
          </div>
          <CreateSegment rfmGroups={data?.rfm_groups ?? []} />
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Segment</Table.HeaderCell>
              <Table.HeaderCell>Rule</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Members</Table.HeaderCell>
              <Table.HeaderCell>Refreshed</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {segments.map((s) => (
              <Table.Row
                key={s.id}
                className={s.id === selected ? "bg-ui-bg-highlight cursor-pointer" : "cursor-pointer"}
                onClick={() => setSelected(s.id)}
                data-testid={`segment-${s.handle}`}
              >
                <Table.Cell>
                  <Text size="small" weight="plus">{s.name}</Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">{RULE_LABELS[s.rule] ?? s.rule}</Text>
                </Table.Cell>
                <Table.Cell>{describeSegment(s)}</Table.Cell>
                <Table.Cell className="text-right">{s.member_count}</Table.Cell>
                <Table.Cell>{s.refreshed_at ? new Date(s.refreshed_at).toLocaleString() : "–"}</Table.Cell>
                <Table.Cell className="text-right" onClick={(e) => e.stopPropagation()}>
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label={`Refresh ${s.name}`}
                    onClick={() => refresh.mutateAsync(s.id).then(() => toast.success(`${s.name} refreshed`))}
                  >
                    <ArrowPath />
                  </IconButton>
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label={`Delete ${s.name}`}
                    onClick={() => {
                      if (window.confirm(`Delete ${s.name} and its customer group?`)) remove.mutate(s.id)
                    }}
                  >
                    <Trash />
                  </IconButton>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {!isLoading && !segments.length && <Text size="small" className="text-ui-fg-subtle px-6 py-4">No segments yet.</Text>}
      </Container>
      {current && <Members key={current.id} segment={current} onClose={() => setSelected(null)} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Segments", icon: Users })

export default SegmentsPage
