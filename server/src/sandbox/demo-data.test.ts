import { ExternalUserId, Opportunity } from '@app/shared'
import { describe, expect, it } from 'vitest'
import { CLOSING_STAGES, DEMO_CUSTOMERS, DEMO_OPPORTUNITIES, DEMO_PULAN_USERS, DEMO_SALESPEOPLE } from './demo-data'

const customersOf = (wecomUserId: string) => DEMO_CUSTOMERS.filter(c => c.followers.some(f => f.wecomUserId === wecomUserId))
const opportunitiesOf = (customerId: number) => DEMO_OPPORTUNITIES.filter(o => o.customerId === customerId)

describe('demo data', () => {
  it('gives every customer an external_userid the app accepts', () => {
    for (const customer of DEMO_CUSTOMERS)
      expect(ExternalUserId.safeParse(customer.externalUserId).success).toBe(true)
  })

  it('gives every opportunity the shape the app expects, with its stage on its own ladder', () => {
    for (const { customerId: _owner, ...opportunity } of DEMO_OPPORTUNITIES) {
      expect(Opportunity.parse(opportunity)).toEqual(opportunity)
      expect(opportunity.stages).toContainEqual(expect.objectContaining({ stageId: opportunity.stageId, stageName: opportunity.stageName }))
    }
  })

  it('marks the closing stages on their ladders, as the sandbox closes opportunities', () => {
    for (const { stages } of DEMO_OPPORTUNITIES) {
      for (const stage of stages)
        expect(stage.closed).toBe(CLOSING_STAGES[stage.stageId])
    }
  })

  it('keeps the seed example\'s user 10 and business 10 with stage 10', () => {
    expect(DEMO_PULAN_USERS.map(u => u.pulanUserId)).toContain(10)
    expect(DEMO_OPPORTUNITIES.find(o => o.businessId === 10)?.stages.map(s => s.stageId)).toContain(10)
  })

  it('gives zhangwei a customer with one open opportunity, one with several, and one with none', () => {
    const counts = customersOf('zhangwei').map(c => opportunitiesOf(c.customerId))
    expect(counts.some(list => list.length === 1 && list[0]!.status === 'open')).toBe(true)
    expect(counts.some(list => list.length === 0)).toBe(true)
    const several = counts.find(list => list.length > 1)!
    const latest = Math.max(...several.map(o => Date.parse(o.lastFollowTime ?? '')).filter(Number.isFinite))
    expect(several.filter(o => Date.parse(o.lastFollowTime ?? '') === latest)).toHaveLength(1)
  })

  it('has a customer followed by both zhangwei and lina, and customers of each salesperson', () => {
    expect(DEMO_CUSTOMERS.some(c => ['zhangwei', 'lina'].every(id => c.followers.some(f => f.wecomUserId === id)))).toBe(true)
    for (const person of DEMO_SALESPEOPLE)
      expect(customersOf(person.wecomUserId).length).toBeGreaterThan(0)
  })

  it('uses unique ids', () => {
    const unique = (values: unknown[]) => new Set(values).size === values.length
    expect(unique(DEMO_CUSTOMERS.map(c => c.externalUserId))).toBe(true)
    expect(unique(DEMO_CUSTOMERS.map(c => c.customerId))).toBe(true)
    expect(unique(DEMO_OPPORTUNITIES.map(o => o.businessId))).toBe(true)
    expect(unique(DEMO_PULAN_USERS.map(u => u.pulanUserId))).toBe(true)
  })
})
